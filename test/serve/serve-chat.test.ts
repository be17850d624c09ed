import OpenAI, { type APIError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServeUnderTest, startServe } from "./helpers/start-serve.js";

/** Deltas of a streamed chunk, with the extension fields deliberate adds. */
interface Delta {
  content?: string | null;
  reasoning_content?: string;
}

const MODEL = "synthetic:tiny";
const ask = (content: string) => [{ role: "user" as const, content }];

describe("deliberate serve with the official openai client", () => {
  let serve: ServeUnderTest;

  beforeAll(async () => {
    serve = await startServe([
      "--low",
      "1s",
      "--viewer",
      "--max-body",
      "20000",
      "--max-input-chars",
      "500",
    ]);
  });
  afterAll(() => serve?.stop());

  it("lists the served model", async () => {
    const models = await serve.client.models.list();
    expect(models.data.map((model) => model.id)).toEqual([MODEL]);
  });

  it("answers a plain request with the usage of the whole search and the tree it saved", async () => {
    const completion = await serve.client.chat.completions.create({
      model: MODEL,
      messages: ask("Is 91 prime? <script>alert(1)</script>"),
      reasoning_effort: "low",
    });
    const choice = completion.choices[0];
    expect(choice?.message.role).toBe("assistant");
    expect(choice?.message.content?.length).toBeGreaterThan(0);
    expect(["stop", "length"]).toContain(choice?.finish_reason);
    const info = (completion as unknown as { deliberate: Record<string, unknown> }).deliberate;
    expect(info).toMatchObject({ think_ms: 1000, strategy: "anytime", task: "question" });
    // Every call the search made, not one completion's worth.
    expect(info.model_calls).toBeGreaterThan(1);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(
      completion.usage?.completion_tokens ?? 0,
    );
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    // The viewer page of the tree, the question escaped as data.
    expect(info.tree_id).toMatch(/^tree_[0-9a-f]{24}$/);
    const viewer = String(info.viewer_url);
    expect(viewer).toBe(`${serve.url}/trees/${String(info.tree_id)}`);
    const page = await fetch(viewer);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<!doctype html>".slice(0, 5));
    expect(html).not.toContain("<script>alert(1)</script>");
    const log = await serve.waitForRecord((record) => record.tree_id === info.tree_id);
    expect(log).toMatchObject({ msg: "request", status: 200, path: "/v1/chat/completions" });
    expect(JSON.stringify(log)).not.toContain("91 prime");
  });

  it("streams search progress as reasoning_content, then the answer as content, then usage", async () => {
    const stream = await serve.client.chat.completions.create({
      model: MODEL,
      messages: ask("Name a prime number above 10."),
      stream: true,
      stream_options: { include_usage: true },
      // An explicit think time, the extension field.
      deliberate: { think: "1500ms", strategy: "beam" },
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    const kinds: string[] = [];
    let reasoning = "";
    let content = "";
    let usage: OpenAI.CompletionUsage | undefined;
    let finish: string | null = null;
    for await (const chunk of stream) {
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices[0];
      if (!choice) continue;
      const delta = choice.delta as Delta;
      if (delta.reasoning_content) {
        kinds.push("reasoning");
        reasoning += delta.reasoning_content;
      }
      if (delta.content) {
        kinds.push("content");
        content += delta.content;
      }
      finish = choice.finish_reason ?? finish;
    }
    expect(kinds[0]).toBe("reasoning");
    expect(kinds.at(-1)).toBe("content");
    expect(kinds.indexOf("content")).toBe(kinds.length - 1);
    expect(reasoning).toMatch(/#\d+ \(after #0\): /);
    expect(content.length).toBeGreaterThan(0);
    expect(["stop", "length"]).toContain(finish);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("stops the search when the client aborts, and the model calls in flight see the abort", async () => {
    const controller = new AbortController();
    const stream = await serve.client.chat.completions.create(
      {
        model: MODEL,
        messages: ask("Count the primes below 1000."),
        stream: true,
        deliberate: { think: "60s" },
      } as OpenAI.ChatCompletionCreateParamsStreaming,
      { signal: controller.signal },
    );
    const started = Date.now();
    let chunks = 0;
    // The client's stream ends (or throws an abort error, depending on when the abort lands).
    await (async () => {
      for await (const chunk of stream) {
        chunks += 1;
        if ((chunk.choices[0]?.delta as Delta | undefined)?.reasoning_content) controller.abort();
      }
    })().catch((error: unknown) => expect(error).toBeInstanceOf(OpenAI.APIUserAbortError));
    expect(chunks).toBeGreaterThanOrEqual(1);
    const log = await serve.waitForRecord((record) => record.outcome === "client_closed");
    expect(log, JSON.stringify(log)).toMatchObject({
      status: 499,
      stop_reason: "cancelled",
      think_ms: 60_000,
    });
    expect(log.aborted_model_calls).toBeGreaterThanOrEqual(1);
    expect(log.abort_settle_ms).toBeLessThan(2000);
    expect(Date.now() - started).toBeLessThan(20_000);
    // The slot is free again: the next request runs at once.
    const health = await (await fetch(`${serve.url}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", running: 0, queued: 0 });
  });

  it("answers concurrent requests on the one loaded model, each with its own tree", async () => {
    const completions = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        serve.client.chat.completions.create({
          model: MODEL,
          messages: ask(`Is ${91 + 2 * i} prime?`),
          reasoning_effort: "low",
        }),
      ),
    );
    const ids = completions.map(
      (completion) =>
        (completion as unknown as { deliberate: { tree_id: string } }).deliberate.tree_id,
    );
    expect(new Set(ids).size).toBe(6);
    for (const completion of completions)
      expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("answers an unknown model with 404 in the OpenAI error shape", async () => {
    const error = await serve.client.chat.completions
      .create({ model: "gpt-4o", messages: ask("hi") })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as APIError).code).toBe("model_not_found");
    expect((error as APIError).message).toContain('serves "synthetic:tiny"');
    // By path too, malformed percent-encoding included.
    expect((await fetch(`${serve.url}/v1/models/synthetic%3Atiny`)).status).toBe(200);
    const bad = await fetch(`${serve.url}/v1/models/%E0%A4%A`);
    expect(bad.status).toBe(404);
    expect(await bad.json()).toMatchObject({ error: { code: "model_not_found" } });
  });

  it("answers a body over --max-body with 413", async () => {
    const error = await serve.client.chat.completions
      .create({ model: MODEL, messages: ask("x".repeat(30_000)) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as APIError).status).toBe(413);
    expect((error as APIError).code).toBe("request_too_large");
  });

  it("answers malformed JSON with 400 saying it does not parse", async () => {
    const response = await fetch(`${serve.url}/v1/chat/completions`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"model": "synthetic:tiny", "messages": [',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: "invalid_json" });
    expect(String(body.error.message)).toMatch(
      /^Expected a JSON request body, got text that does not parse/,
    );
  });

  it("answers a bad extension value with 400 naming the field", async () => {
    const error = await serve.client.chat.completions
      .create({
        model: MODEL,
        messages: ask("hi"),
        deliberate: { strategy: "magic" },
      } as OpenAI.ChatCompletionCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).param).toBe("deliberate.strategy");
  });

  it("refuses a question the input guards flag, as the CLI does, before any search", async () => {
    const error = await serve.client.chat.completions
      .create({ model: MODEL, messages: ask("y".repeat(600)) })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as APIError).code).toBe("input_blocked");
    expect((error as APIError).message).toContain("length");
  });
});
