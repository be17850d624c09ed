import type { ServerResponse } from "node:http";

/**
 * Writes Server-Sent Events as the OpenAI stream does: `data: <json>` blocks, then
 * `data: [DONE]`. The status line and headers go out with the first event, not before, so a
 * request refused before any output (an input guard) still gets a plain JSON error.
 */
export class SseWriter {
  private started = false;

  constructor(private readonly response: ServerResponse) {}

  /** Whether the headers are out: after that, an error can only be an event. */
  get headersSent(): boolean {
    return this.started;
  }

  send(data: unknown): void {
    this.start();
    this.response.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  done(): void {
    this.start();
    this.response.end("data: [DONE]\n\n");
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.response.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
      // Proxies such as nginx would otherwise hold the stream back in a buffer.
      "X-Accel-Buffering": "no",
    });
  }
}
