import { think } from "@deliberate/core";
import { ChatOpenAI } from "@langchain/openai";
import { afterEach, describe, expect, it } from "vitest";
import { createLangChainModel } from "../src/index.js";
import { readRetryAfterMs, retryCall } from "../src/model/retry-call.js";
import {
  type OpenAIStub,
  type StubReply,
  type StubRequest,
  startOpenAIStub,
} from "./support/openai-stub.js";

// The remote-engine path of issue #15: what a vLLM, SGLang or llama.cpp server behind the
// OpenAI-compatible client needs from deliberate, against a local stub on 127.0.0.1.

let stub: OpenAIStub | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function connect(reply: (request: StubRequest, index: number) => StubReply) {
  let index = 0;
  stub = await startOpenAIStub((body) => reply(body, index++));
  // maxRetries 0: the client's own retries are off, so every retry seen here is deliberate's.
  const chat = new ChatOpenAI({
    model: "stub-model",
    apiKey: "test-key",
    maxRetries: 0,
    configuration: { baseURL: stub.baseURL },
  });
  return { stub, chat };
}

const question = [{ role: "user" as const, text: "What is 6 times 7?" }];

describe("retries on a server that refuses for now", () => {
  it("retries a 429 after the Retry-After the server asked for, then succeeds", async () => {
    const times: number[] = [];
    const { stub, chat } = await connect((_, index) => {
      times.push(performance.now());
      return index === 0
        ? { status: 429, error: "slow down", headers: { "retry-after": "1" } }
        : { texts: ["42"] };
    });
    const model = createLangChainModel(chat, { retry: { minDelayMs: 10 } });
    const reply = await model.generate({ segments: question, maxTokens: 8 });
    expect(reply.completions[0]?.text).toBe("42");
    expect(stub.requests).toHaveLength(2);
    // One second asked; the 10 ms backoff alone would come back at once.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("backs off between retries of a 503 and gives up after `retries`", async () => {
    const times: number[] = [];
    const { stub, chat } = await connect(() => {
      times.push(performance.now());
      return { status: 503, error: "warming up" };
    });
    const model = createLangChainModel(chat, { retry: { retries: 2, minDelayMs: 100 } });
    await expect(model.generate({ segments: question, maxTokens: 8 })).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
    });
    expect(stub.requests).toHaveLength(3);
    const gaps = times.slice(1).map((time, i) => time - (times[i] ?? 0));
    expect(gaps[0]).toBeGreaterThanOrEqual(95);
    expect(gaps[1]).toBeGreaterThanOrEqual(95);
  });

  it("does not retry a request the server rejects as bad (400)", async () => {
    const { stub, chat } = await connect(() => ({ status: 400, error: "bad request" }));
    const model = createLangChainModel(chat, { retry: { minDelayMs: 1 } });
    await expect(model.generate({ segments: question, maxTokens: 8 })).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
    });
    expect(stub.requests).toHaveLength(1);
  });

  it("stops waiting for a retry when the signal aborts", async () => {
    const { stub, chat } = await connect(() => ({
      status: 429,
      error: "slow down",
      headers: { "retry-after": "30" },
    }));
    const controller = new AbortController();
    const model = createLangChainModel(chat, { retry: { maxDelayMs: 60_000 } });
    const started = performance.now();
    const pending = model.generate({ segments: question, maxTokens: 8, signal: controller.signal });
    await expect.poll(() => stub.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("reads Retry-After as seconds, as an HTTP date and as OpenAI's retry-after-ms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const headers = (record: Record<string, string>) => ({
      status: 429,
      headers: new Headers(record),
    });
    expect(readRetryAfterMs(headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(readRetryAfterMs(headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(
      3000,
    );
    expect(readRetryAfterMs(headers({ "retry-after-ms": "150", "retry-after": "9" }), now)).toBe(
      150,
    );
    expect(readRetryAfterMs(headers({}), now)).toBeUndefined();
    expect(readRetryAfterMs({ status: 429, headers: { "retry-after": "1" } }, now)).toBe(1000);
  });

  it("caps a long Retry-After at maxDelayMs", async () => {
    let calls = 0;
    const started = performance.now();
    const value = await retryCall(
      async () => {
        calls += 1;
        if (calls === 1) throw { status: 429, headers: { "retry-after": "3600" } };
        return "ok";
      },
      { maxDelayMs: 50 },
      undefined,
    );
    expect(value).toBe("ok");
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("a search on a remote engine", () => {
  it("asks for sibling thoughts in one request with n, never one request each", async () => {
    const { stub, chat } = await connect((body) => {
      const last = String(body.messages.at(-1)?.content);
      if (last.endsWith("Judgement:")) return { texts: ["likely"] };
      return { texts: Array.from({ length: Number(body.n) }, (_, i) => `step ${i}`) };
    });
    await think("What is 6 times 7?", {
      model: createLangChainModel(chat),
      strategy: { name: "beam", width: 2, branching: 3 },
      budget: { calls: 8 },
      seed: 1,
    });
    const proposals = stub.requests.filter(
      (body) => !String(body.messages.at(-1)?.content).endsWith("Judgement:"),
    );
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.every((body) => body.n === 3)).toBe(true);
  });

  it("scores the value evaluator's judgments from top_logprobs instead of sampling them", async () => {
    const top = [
      { token: "sure", logprob: Math.log(0.7) },
      { token: " likely", logprob: Math.log(0.2) },
      { token: "impossible", logprob: Math.log(0.1) },
    ];
    const { stub, chat } = await connect((body) => {
      if (body.top_logprobs) return { texts: ["sure"], logprobs: [Math.log(0.7)], top };
      return { texts: Array.from({ length: Number(body.n) }, (_, i) => `step ${i}`) };
    });
    const result = await think("What is 6 times 7?", {
      model: createLangChainModel(chat, { scoreOptions: true }),
      strategy: { name: "beam", width: 1, branching: 2 },
      evaluator: { name: "value" },
      budget: { calls: 6 },
      seed: 1,
    });
    const judged = stub.requests.filter((body) => body.top_logprobs === 20);
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.every((body) => body.max_tokens === 1 && body.logprobs === true)).toBe(true);
    // Every judgment came from log-probabilities: no request samples a judgment's text.
    const sampledJudgments = stub.requests.filter(
      (body) => !body.top_logprobs && String(body.messages.at(-1)?.content).endsWith("Judgement:"),
    );
    expect(sampledJudgments).toHaveLength(0);
    expect(result.tree.nodes.some((node) => typeof node.score === "number")).toBe(true);
  });

  it("reads the vote evaluator's choice from top_logprobs instead of sampling votes", async () => {
    // The first token of a number-only answer: "2" is the engine's favourite.
    const top = [
      { token: "2", logprob: Math.log(0.75) },
      { token: "1", logprob: Math.log(0.25) },
    ];
    const { stub, chat } = await connect((body) => {
      if (body.top_logprobs) return { texts: ["2"], logprobs: [Math.log(0.75)], top };
      return { texts: Array.from({ length: Number(body.n) }, (_, i) => `step ${i}`) };
    });
    const result = await think("What is 6 times 7?", {
      model: createLangChainModel(chat, { scoreOptions: true }),
      strategy: { name: "beam", width: 1, branching: 2 },
      evaluator: { name: "vote", probabilities: true },
      budget: { calls: 4 },
      seed: 1,
    });
    const voted = stub.requests.filter((body) => body.top_logprobs === 20);
    expect(voted.length).toBeGreaterThan(0);
    expect(
      voted.every((body) =>
        String(body.messages.at(-1)?.content).endsWith("number of the best choice only.\n"),
      ),
    ).toBe(true);
    const sampledVotes = stub.requests.filter(
      (body) => !body.top_logprobs && /best choice/.test(String(body.messages.at(-1)?.content)),
    );
    expect(sampledVotes).toHaveLength(0);
    const shares = result.tree.nodes
      .filter((node) => node.scores?.[0]?.source === "vote")
      .map((node) => node.score);
    // Each group of two siblings: choice 1 gets a quarter, choice 2 three quarters.
    expect(shares.slice(0, 2)).toEqual([0.25, 0.75]);
    expect(shares.every((share) => share === 0.25 || share === 0.75)).toBe(true);
  });

  it("ends on time against a server that never answers, aborting the request in flight", async () => {
    const { stub, chat } = await connect(() => ({ hang: true }));
    const started = performance.now();
    const result = await think("What is 6 times 7?", {
      model: createLangChainModel(chat),
      strategy: { name: "beam", width: 1, branching: 2 },
      budget: { time: "1s" },
    });
    const elapsed = performance.now() - started;
    expect(result.stopReason).toBe("budget");
    expect(elapsed).toBeLessThan(2_500);
    expect(stub.requests.length).toBeGreaterThan(0);
    // The deadline reached the HTTP request: the client hung up on the stub.
    await expect.poll(() => stub.closedEarly).toBe(stub.requests.length);
  });
});
