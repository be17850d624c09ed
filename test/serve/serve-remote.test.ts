import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import {
  type OpenAIStub,
  startOpenAIStub,
} from "../../packages/langchain/test/support/openai-stub.js";
import { type ServeUnderTest, startServe } from "./helpers/start-serve.js";

// deliberate serve in front of a remote OpenAI-compatible engine (`--model openai:…`), here the
// project's stub on 127.0.0.1: the official client → deliberate serve → the engine, all loopback.

let stub: OpenAIStub | undefined;
let serve: ServeUnderTest | undefined;

afterEach(async () => {
  await serve?.stop();
  await stub?.close();
  serve = undefined;
  stub = undefined;
});

describe("deliberate serve --model openai:<base-url>/<model>", () => {
  it("answers through the remote engine under the name given by --name", async () => {
    const top = [{ token: "sure", logprob: Math.log(0.9) }];
    stub = await startOpenAIStub((body) =>
      body.top_logprobs
        ? { texts: ["sure"], logprobs: [Math.log(0.9)], top }
        : { texts: Array.from({ length: Number(body.n ?? 1) }, () => "Final answer: 4") },
    );
    serve = await startServe(
      ["--name", "deliberate-stub"],
      "no-key",
      `openai:${stub.baseURL}/org/stub-model`,
    );
    const models = await serve.client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(["deliberate-stub"]);
    const completion = await serve.client.chat.completions.create({
      model: "deliberate-stub",
      messages: [{ role: "user", content: "What is 2 + 2?" }],
      deliberate: { think: "3s", strategy: "beam" },
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.choices[0]?.message.content).toBe("4");
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(stub.requests.every((body) => body.model === "org/stub-model")).toBe(true);
    // Siblings in one request, judgments from top_logprobs.
    expect(stub.requests.some((body) => Number(body.n) > 1)).toBe(true);
    expect(stub.requests.some((body) => body.top_logprobs === 20)).toBe(true);
  });

  it("aborts the engine's requests when the client goes away", async () => {
    stub = await startOpenAIStub(() => ({ hang: true }));
    serve = await startServe([], "no-key", `openai:${stub.baseURL}/m`);
    const model = `openai:${stub.baseURL}/m`;
    const controller = new AbortController();
    const pending = serve.client.chat.completions
      .create(
        {
          model,
          messages: [{ role: "user", content: "What is 2 + 2?" }],
          deliberate: { think: "60s" },
        } as OpenAI.ChatCompletionCreateParamsNonStreaming,
        { signal: controller.signal },
      )
      .catch((error: unknown) => error);
    while ((stub.requests.length ?? 0) === 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError);
    const log = await serve.waitForRecord((record) => record.outcome === "client_closed");
    expect(log).toMatchObject({ status: 499, stop_reason: "cancelled" });
    expect(log.aborted_model_calls).toBeGreaterThanOrEqual(1);
    // The engine saw its request closed: no hung request left behind on it.
    for (let i = 0; i < 40 && stub.closedEarly === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(stub.closedEarly).toBeGreaterThanOrEqual(1);
  });
});
