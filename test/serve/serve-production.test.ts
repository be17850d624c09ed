import OpenAI, { type APIError } from "openai";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/helpers/run-cli.js";
import { startServe } from "./helpers/start-serve.js";

const MODEL = "synthetic:tiny";
const KEY = "test-key-0123456789abcdef";

/** Params with deliberate's extension object, which the client's types do not know. */
function longStream(think: string): OpenAI.ChatCompletionCreateParamsStreaming {
  return {
    model: MODEL,
    messages: [{ role: "user", content: "Count the primes below 1000." }],
    stream: true,
    deliberate: { think },
  } as OpenAI.ChatCompletionCreateParamsStreaming;
}

/** Reads a stream until its first reasoning delta: the search is running. */
async function untilThinking(stream: AsyncIterable<OpenAI.ChatCompletionChunk>) {
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new Error("the stream ended before any reasoning");
    const delta = (next.value.choices[0]?.delta ?? {}) as { reasoning_content?: string };
    if (delta.reasoning_content) {
      return iterator;
    }
  }
}

describe("deliberate serve in production", () => {
  it("answers 429 with Retry-After when the running search and the queue are full", async () => {
    const serve = await startServe(["--parallel", "1", "--queue", "0"]);
    try {
      const controller = new AbortController();
      const first = await serve.client.chat.completions.create(longStream("8s"), {
        signal: controller.signal,
      });
      await untilThinking(first);
      const error = await serve.client.chat.completions
        .create({ model: MODEL, messages: [{ role: "user", content: "hi" }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      const apiError = error as APIError;
      expect(apiError.code).toBe("queue_full");
      const retryAfter = Number(apiError.headers?.get("retry-after"));
      // Until the running search's 8 s think time ends.
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(8);
      controller.abort();
    } finally {
      await serve.stop();
    }
  });

  it("refuses to listen beyond the loopback without an API key (exit 2)", async () => {
    const run = await runCli(["serve", "--model", MODEL, "--host", "0.0.0.0", "--port", "0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "Expected an API key (--api-key or DELIBERATE_API_KEY) to listen on 0.0.0.0",
    );
  });

  it("bound to all interfaces with a key, answers 401 without it (connecting through 127.0.0.1)", async () => {
    const serve = await startServe(["--host", "0.0.0.0", "--api-key", KEY], "wrong-key");
    try {
      expect(serve.url.startsWith("http://127.0.0.1:")).toBe(true);
      const wrong = await serve.client.models.list().catch((caught: unknown) => caught);
      expect(wrong).toBeInstanceOf(OpenAI.AuthenticationError);
      expect((wrong as APIError).code).toBe("invalid_api_key");
      const none = await fetch(`${serve.url}/healthz`);
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({
        error: { type: "authentication_error", code: "invalid_api_key" },
      });
      const right = new OpenAI({ baseURL: `${serve.url}/v1`, apiKey: KEY, maxRetries: 0 });
      const models = await right.models.list();
      expect(models.data[0]?.id).toBe(MODEL);
    } finally {
      await serve.stop();
    }
  });

  it("on SIGTERM stops accepting, cancels the search in flight after the grace period and exits 0", async () => {
    const serve = await startServe(["--grace", "1s"]);
    const stream = await serve.client.chat.completions.create(longStream("60s"));
    const iterator = await untilThinking(stream);
    const signalled = Date.now();
    serve.cli.child.kill("SIGTERM");
    let content = "";
    let info: Record<string, unknown> | undefined;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      content += next.value.choices[0]?.delta.content ?? "";
      const extra = (next.value as unknown as { deliberate?: Record<string, unknown> }).deliberate;
      if (extra) info = extra;
    }
    // The client got a whole answer (the best so far), well before the 60 s think time.
    expect(content.length).toBeGreaterThan(0);
    expect(info?.stop_reason).toBe("cancelled");
    const run = await serve.cli.done;
    expect(Date.now() - signalled).toBeLessThan(15_000);
    expect(run.code, run.stderr).toBe(0);
    const shutdown = serve.records().find((record) => record.msg === "shutting_down");
    expect(shutdown).toMatchObject({ signal: "SIGTERM", grace_ms: 1000 });
    expect(serve.records().find((record) => record.msg === "stopped")).toMatchObject({
      cancelled_searches: 1,
    });
    // Nothing listens any more.
    await expect(fetch(`${serve.url}/healthz`)).rejects.toThrow();
  });
});
