import { think } from "@deliberate/core";
import { ChatOpenAI } from "@langchain/openai";
import { afterEach, describe, expect, it } from "vitest";
import { createLangChainModel, DeliberateLangChainError } from "../src/index.js";
import {
  type OpenAIStub,
  type StubReply,
  type StubRequest,
  startOpenAIStub,
} from "./support/openai-stub.js";

let stub: OpenAIStub | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function connect(reply: (request: StubRequest) => StubReply, fields = {}) {
  stub = await startOpenAIStub(reply);
  const chat = new ChatOpenAI({
    model: "stub-model",
    apiKey: "test-key",
    maxRetries: 0,
    configuration: { baseURL: stub.baseURL },
    ...fields,
  });
  return { stub, chat };
}

const question = [
  { role: "system" as const, text: "Answer in one line.", trusted: true },
  { role: "user" as const, text: "What is 6 times 7?" },
];

describe("createLangChainModel with ChatOpenAI against a local OpenAI-compatible server", () => {
  it("sends temperature, max tokens, seed and stop in the request body", async () => {
    const { stub, chat } = await connect(() => ({ texts: ["42"] }));
    const model = createLangChainModel(chat);
    await model.generate({
      segments: question,
      maxTokens: 12,
      temperature: 0.3,
      seed: 5,
      stop: ["\n"],
    });
    const [body] = stub.requests;
    expect(body).toMatchObject({ temperature: 0.3, max_tokens: 12, seed: 5, stop: ["\n"], n: 1 });
    expect(body?.messages).toEqual([
      { role: "system", content: "Answer in one line." },
      { role: "user", content: "What is 6 times 7?" },
    ]);
  });

  it("asks for n completions in one call and counts the usage the server reports once", async () => {
    const { stub, chat } = await connect((body) => ({
      texts: Array.from({ length: Number(body.n) }, (_, i) => `answer number ${i}`),
      cached: 2,
    }));
    const model = createLangChainModel(chat);
    const reply = await model.generate({ segments: question, maxTokens: 8, n: 3 });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.n).toBe(3);
    expect(reply.completions.map((c) => c.text)).toEqual([
      "answer number 0",
      "answer number 1",
      "answer number 2",
    ]);
    expect(reply.usage).toMatchObject({
      promptTokens: 9,
      evaluatedPromptTokens: 7,
      generatedTokens: 9,
      calls: 1,
    });
  });

  it("tops up with single calls, each with its own seed, when the server returns fewer choices than n", async () => {
    const { stub, chat } = await connect(() => ({ texts: ["only one"] }));
    const model = createLangChainModel(chat);
    const reply = await model.generate({ segments: question, maxTokens: 8, n: 3, seed: 10 });
    expect(reply.completions).toHaveLength(3);
    expect(stub.requests.map((body) => [body.n, body.seed])).toEqual([
      [3, 10],
      [1, 11],
      [1, 12],
    ]);
    expect(reply.usage.calls).toBe(3);
  });

  it("makes parallel calls with consecutive seeds when told the server cannot return n", async () => {
    const { stub, chat } = await connect(() => ({ texts: ["one"] }));
    const model = createLangChainModel(chat, { nativeN: false, concurrency: 2 });
    const reply = await model.generate({ segments: question, maxTokens: 8, n: 3, seed: 4 });
    expect(reply.completions).toHaveLength(3);
    expect(stub.requests.map((body) => [body.n, body.seed]).sort()).toEqual([
      [1, 4],
      [1, 5],
      [1, 6],
    ]);
  });

  it("cuts at the stop string and reports a length finish", async () => {
    const { chat } = await connect((body) =>
      body.max_tokens === 2 ? { texts: ["six times"], finish: "length" } : { texts: ["42\nmore"] },
    );
    const model = createLangChainModel(chat);
    const stopped = await model.generate({ segments: question, maxTokens: 8, stop: ["\n"] });
    expect(stopped.completions[0]).toEqual({ text: "42", finishReason: "stop" });
    const cut = await model.generate({ segments: question, maxTokens: 2 });
    expect(cut.completions[0]?.finishReason).toBe("length");
  });

  it("asks for log-probabilities only when the request does and returns them per token", async () => {
    const { stub, chat } = await connect(() => ({ texts: ["forty two"], logprobs: [-0.5, -0.25] }));
    const model = createLangChainModel(chat);
    const plain = await model.generate({ segments: question, maxTokens: 8 });
    const scored = await model.generate({ segments: question, maxTokens: 8, logprobs: true });
    expect(stub.requests.map((body) => body.logprobs ?? false)).toEqual([false, true]);
    expect(plain.completions[0]?.logprobs).toBeUndefined();
    expect(scored.completions[0]?.logprobs).toEqual([-0.5, -0.25]);
  });

  it("scores options from the first token's top log-probabilities when asked to", async () => {
    const top = [
      { token: "Sure", logprob: Math.log(0.5) },
      { token: " likely", logprob: Math.log(0.25) },
      { token: "I", logprob: Math.log(0.25) },
    ];
    const { stub, chat } = await connect(() => ({ texts: ["Sure"], logprobs: [-0.7], top }));
    const model = createLangChainModel(chat, { scoreOptions: true });
    const reply = await model.scoreOptions?.({
      segments: question,
      options: [" sure", " likely", " impossible"],
    });
    expect(stub.requests[0]).toMatchObject({ max_tokens: 1, temperature: 0, top_logprobs: 20 });
    expect(reply?.probabilities.map((p) => Number(p.toFixed(3)))).toEqual([0.667, 0.333, 0]);
    expect(createLangChainModel(chat).scoreOptions).toBeUndefined();
  });

  it("fails to score options when the server returns no top log-probabilities", async () => {
    const { chat } = await connect(() => ({ texts: ["Sure"] }));
    const model = createLangChainModel(chat, { scoreOptions: true });
    await expect(
      model.scoreOptions?.({ segments: question, options: ["sure", "likely"] }),
    ).rejects.toMatchObject({ code: "PROVIDER_ERROR" });
  });

  it("meets a json-schema constraint through structured output", async () => {
    const { stub, chat } = await connect(() => ({ texts: ['{"answer": 42}'] }));
    const model = createLangChainModel(chat);
    const schema = {
      type: "object",
      properties: { answer: { type: "number" } },
      required: ["answer"],
    };
    const reply = await model.generate({
      segments: question,
      maxTokens: 16,
      constraint: { kind: "json-schema", schema },
    });
    expect(reply.completions[0]?.text).toBe('{"answer":42}');
    expect(stub.requests[0]?.response_format).toMatchObject({ type: "json_schema" });
  });

  it("wraps a server error in PROVIDER_ERROR with the server's message", async () => {
    const { chat } = await connect(() => ({ status: 500, error: "the GPU caught fire" }));
    const error = await createLangChainModel(chat)
      .generate({ segments: question, maxTokens: 8 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliberateLangChainError);
    expect(error).toMatchObject({ code: "PROVIDER_ERROR" });
    expect((error as Error).message).toContain("the GPU caught fire");
  });

  it("aborts a request in flight and closes its connection", async () => {
    const { stub, chat } = await connect(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = createLangChainModel(chat).generate({
      segments: question,
      maxTokens: 8,
      signal: controller.signal,
    });
    await expect.poll(() => stub.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    await expect.poll(() => stub.closedEarly).toBe(1);
  });

  it("answers a question end to end inside think with the server's token counts", async () => {
    const { stub, chat } = await connect((body) => {
      const last = String(body.messages.at(-1)?.content);
      if (last.endsWith("Judgement:")) return { texts: ["likely"] };
      return { texts: Array.from({ length: Number(body.n) }, () => "Final answer: 42") };
    });
    const result = await think("What is 6 times 7?", {
      model: createLangChainModel(chat),
      strategy: { name: "beam", width: 1, branching: 2 },
      budget: { calls: 6 },
    });
    expect(result.answer).toBe("42");
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(stub.requests.length).toBeLessThanOrEqual(6);
    const judged = stub.requests.find((body) =>
      String(body.messages.at(-1)?.content).endsWith("Judgement:"),
    );
    expect(judged?.messages.map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "user",
    ]);
    expect(judged?.messages[1]?.content).toBe("What is 6 times 7?\n");
  });
});
