import { think } from "@deliberate/core";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createLangChainModel, DeliberateLangChainError } from "../src/index.js";

const prompt = [{ role: "user" as const, text: "Is the sky blue?" }];

/** LangChain's list fake that also reports how many calls run at once and what usage it cost. */
class MeteredFakeModel extends FakeListChatModel {
  active = 0;
  peak = 0;
  seen: BaseMessage[][] = [];
  override async _generate(
    messages: BaseMessage[],
    options?: this["ParsedCallOptions"],
  ): Promise<ChatResult> {
    this.seen.push(messages);
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    try {
      const result = await super._generate(messages, options);
      const message = result.generations[0]?.message;
      if (message) message.response_metadata = { usage: { input_tokens: 7, output_tokens: 3 } };
      return result;
    } finally {
      this.active -= 1;
    }
  }
}

describe("createLangChainModel with LangChain's fake chat models", () => {
  it("serves n > 1 with parallel calls, no more than `concurrency` at once", async () => {
    const chat = new MeteredFakeModel({ responses: ["a", "b", "c", "d", "e"], sleep: 20 });
    const reply = await createLangChainModel(chat, { concurrency: 2 }).generate({
      segments: prompt,
      maxTokens: 4,
      n: 5,
    });
    expect(reply.completions.map((c) => c.text).sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(chat.peak).toBe(2);
    expect(reply.usage).toMatchObject({ calls: 5, promptTokens: 35, generatedTokens: 15 });
  });

  it("estimates tokens from text length when the provider reports no usage", async () => {
    const chat = new FakeListChatModel({ responses: ["twelve chars"] });
    const reply = await createLangChainModel(chat).generate({ segments: prompt, maxTokens: 4 });
    expect(reply.usage).toMatchObject({ promptTokens: 4, generatedTokens: 3, calls: 1 });
  });

  it("enforces a choice constraint by parsing the reply", async () => {
    const chat = new FakeListChatModel({
      responses: ["I would say it is Likely.", "SURE", "no idea"],
    });
    const model = createLangChainModel(chat, { concurrency: 1 });
    const reply = await model.generate({
      segments: prompt,
      maxTokens: 8,
      n: 3,
      constraint: { kind: "choice", options: ["sure", "likely", "impossible"] },
    });
    expect(reply.completions.map((c) => c.text)).toEqual(["likely", "sure", "no idea"]);
  });

  it("meets a json-schema constraint through the fake's structured output", async () => {
    const chat = new FakeListChatModel({ responses: ['{"color":"blue"}'] });
    const reply = await createLangChainModel(chat).generate({
      segments: prompt,
      maxTokens: 16,
      constraint: { kind: "json-schema", schema: { type: "object" } },
    });
    expect(JSON.parse(reply.completions[0]?.text ?? "")).toEqual({ color: "blue" });
  });

  it("extracts JSON from prose when asked to parse instead of using structured output", async () => {
    const chat = new FakeListChatModel({ responses: ['Here you go: {"color": "blue"} — done'] });
    const reply = await createLangChainModel(chat, { structuredOutput: "parse" }).generate({
      segments: prompt,
      maxTokens: 16,
      constraint: { kind: "json-schema", schema: { type: "object" } },
    });
    expect(reply.completions[0]?.text).toBe('{"color":"blue"}');
  });

  it("cuts replies at stop strings itself when they are not sent", async () => {
    const chat = new FakeListChatModel({ responses: ["first line\nsecond line"] });
    const reply = await createLangChainModel(chat, { sendStop: false }).generate({
      segments: prompt,
      maxTokens: 8,
      stop: ["\n"],
    });
    expect(reply.completions[0]).toEqual({ text: "first line", finishReason: "stop" });
  });

  it("rejects with ABORTED as soon as the signal aborts, even if the provider ignores it", async () => {
    const chat = new FakeListChatModel({ responses: ["slow"], sleep: 60_000 });
    const controller = new AbortController();
    const pending = createLangChainModel(chat).generate({
      segments: prompt,
      maxTokens: 4,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
  });

  it("wraps a provider's error with the model's id and keeps it as the cause", async () => {
    const chat = new FakeListChatModel({ responses: [] });
    const error = await createLangChainModel(chat, { id: "flaky" })
      .generate({ segments: prompt, maxTokens: 4 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliberateLangChainError);
    expect(error).toMatchObject({ code: "PROVIDER_ERROR" });
    expect((error as Error).message).toMatch(/^Expected a reply from flaky, got an error: /);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it("reports a configure function that throws as a provider error", async () => {
    const chat = new FakeListChatModel({ responses: ["x"] });
    const model = createLangChainModel(chat, {
      configure: () => {
        throw new Error("no such field");
      },
    });
    await expect(model.generate({ segments: prompt, maxTokens: 4 })).rejects.toMatchObject({
      code: "PROVIDER_ERROR",
      message: expect.stringContaining("no such field"),
    });
  });

  it("rejects wrong options before any call, naming the field", () => {
    const chat = new FakeListChatModel({ responses: ["x"] });
    expect(() => createLangChainModel(chat, { concurrency: 0 })).toThrow(
      "Invalid option `concurrency`: expected an integer ≥ 1, got 0 (number)",
    );
    expect(() => createLangChainModel({} as FakeListChatModel)).toThrow(
      /Expected a LangChain chat model \(BaseChatModel\), got an object/,
    );
  });

  it("drives a whole search that finds the answer", async () => {
    const chat = new MeteredFakeModel({
      responses: ["Six sevens are forty-two.", "Final answer: 42", "likely"],
    });
    const result = await think("What is 6 times 7?", {
      model: createLangChainModel(chat, { sendStop: false, concurrency: 1 }),
      strategy: { name: "dfs", branching: 1 },
      evaluator: "confidence",
      budget: { calls: 10 },
    });
    expect(result.answer).toBe("42");
    expect(result.usage.promptTokens).toBeGreaterThan(0);
    expect(chat.seen[0]?.map((message) => message.type)).toEqual(["system", "human"]);
  });
});
