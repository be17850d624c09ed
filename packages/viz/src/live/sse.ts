import type { ServerResponse } from "node:http";

/** Headers of the event stream: never cached or buffered by a proxy, never sniffed as a page. */
export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Accel-Buffering": "no",
  "X-Content-Type-Options": "nosniff",
} as const;

/**
 * Writes one message as a Server-Sent Event whose `id` is the count of messages the page will
 * have after it, so a reconnecting browser's `Last-Event-ID` is where to resume. The data is
 * one line of JSON: `JSON.stringify` escapes every newline, so a message cannot forge a field.
 */
export function writeMessage(response: ServerResponse, id: number, json: string): void {
  response.write(`id: ${id}\ndata: ${json}\n\n`);
}

/**
 * The message index a client resumes from: `Last-Event-ID` on reconnection, else `?from=`,
 * clamped to what the log holds.
 */
export function readResumePoint(lastEventId: string | undefined, url: URL, total: number): number {
  const raw = lastEventId ?? url.searchParams.get("from") ?? "0";
  const from = Number.parseInt(raw, 10);
  if (!Number.isFinite(from) || from < 0) return 0;
  return Math.min(from, total);
}
