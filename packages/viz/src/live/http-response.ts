import type { ServerResponse } from "node:http";

/**
 * Headers on every answer of the live server: not framed, not sniffed, not cached, not
 * readable by other origins, and no referrer leaking the local address.
 */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
} as const;

/** Answers with a plain-text error. */
export function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" });
  response.end(`${message}\n`);
}
