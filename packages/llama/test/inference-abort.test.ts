import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlamaModel, loadModel } from "../src/index.js";
import { quickModelOptions, testModel } from "./inference-fixture.js";

describe("LlamaModel abort", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({
      model: testModel,
      ...quickModelOptions,
      contextSize: 2048,
      maxPromptChunk: 32,
    });
  });
  afterAll(() => model.dispose());

  const segments = [{ text: "Once upon a time", trusted: true }];

  it("returns the partial text as aborted when the signal fires during generation", async () => {
    const controller = new AbortController();
    const pending = model.generate({
      segments,
      maxTokens: 400,
      n: 2,
      temperature: 1,
      seed: 1,
      signal: controller.signal,
    });
    // A few event-loop turns in, generation is under way; no clock involved.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const reply = await pending;
    for (const completion of reply.completions) {
      expect(completion.finishReason).toBe("aborted");
      expect(completion.tokens?.length ?? 0).toBeLessThan(400);
    }
    expect(reply.usage.generatedTokens).toBeLessThan(800);
  });

  it("stops a long prompt between chunks", async () => {
    const long = Array.from(
      { length: 60 },
      (_, index) => `Tom had ${index} red balls and a dog.`,
    ).join(" ");
    const controller = new AbortController();
    const pending = model.generate({
      segments: [{ text: long }],
      maxTokens: 4,
      signal: controller.signal,
    });
    setImmediate(() => controller.abort());
    const reply = await pending;
    expect(reply.completions[0]?.finishReason).toBe("aborted");
    expect(reply.usage.evaluatedPromptTokens).toBeLessThan(reply.usage.promptTokens);
    expect(reply.usage.generatedTokens).toBe(0);
  });

  it("answers aborted at once when the signal has already fired", async () => {
    const reply = await model.generate({
      segments,
      maxTokens: 8,
      n: 3,
      signal: AbortSignal.abort(),
    });
    expect(reply.completions.map((completion) => completion.finishReason)).toEqual([
      "aborted",
      "aborted",
      "aborted",
    ]);
    expect(reply.usage.evaluatedPromptTokens).toBe(0);
  });

  it("leaves the model usable after an abort", async () => {
    const reply = await model.generate({ segments, maxTokens: 6, temperature: 0 });
    expect(reply.completions[0]?.finishReason).toBe("length");
    expect(reply.completions[0]?.text.length).toBeGreaterThan(0);
  });
});
