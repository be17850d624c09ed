import { request } from "node:http";

/** A response read whole. */
export interface TextResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a GET (or another method) with exact headers, which `fetch` would not allow for Host. */
export function requestText(
  url: string,
  headers: Record<string, string> = {},
  method = "GET",
): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** One parsed Server-Sent Event. */
export interface StreamEvent {
  id?: string;
  event?: string;
  data: string;
}

/** An open event stream whose events are collected as they come. */
export interface EventStream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  events: StreamEvent[];
  /** Resolves once at least `count` events (comments excluded) have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<StreamEvent[]>;
  ended: Promise<void>;
  close(): void;
}

/** Opens an SSE stream and parses its frames. */
export function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: { accept: "text/event-stream", ...headers }, agent: false },
      (res) => {
        const events: StreamEvent[] = [];
        let buffer = "";
        let wake = () => {};
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const frame = parseFrame(buffer.slice(0, end));
            if (frame) events.push(frame);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
          }
          wake();
        });
        const ended = new Promise<void>((done) => res.on("close", () => done()));
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          events,
          ended,
          close: () => req.destroy(),
          waitFor(count, timeoutMs = 5000) {
            return new Promise((done, fail) => {
              const timer = setTimeout(
                () => fail(new Error(`Expected ${count} events, got ${events.length}`)),
                timeoutMs,
              );
              wake = () => {
                if (events.length < count) return;
                clearTimeout(timer);
                done(events);
              };
              wake();
            });
          },
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function parseFrame(frame: string): StreamEvent | undefined {
  const event: StreamEvent = { data: "" };
  let hasData = false;
  for (const line of frame.split("\n")) {
    const colon = line.indexOf(":");
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") {
      event.data = hasData ? `${event.data}\n${value}` : value;
      hasData = true;
    } else if (field === "id") event.id = value;
    else if (field === "event") event.event = value;
  }
  return hasData ? event : undefined;
}
