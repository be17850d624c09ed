import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlamaModel, loadModel } from "../src/index.js";
import { mixSeed } from "../src/inference/branch-stepper.js";
import { countDecodes, quickModelOptions, testModel } from "./inference-fixture.js";

describe("mixSeed", () => {
  it("gives every branch and step its own 32-bit seed", () => {
    const seeds = new Set<number>();
    for (let branch = 0; branch < 8; branch++) {
      for (let step = 0; step < 64; step++) seeds.add(mixSeed(100 + branch, step));
    }
    expect(seeds.size).toBe(8 * 64);
    for (const seed of seeds) expect(seed).toBe(seed >>> 0);
  });
});

describe("LlamaModel lockstep sampling", () => {
  let model: LlamaModel;
  let decodes: ReturnType<typeof countDecodes>;
  beforeAll(async () => {
    model = await loadModel({ model: testModel, ...quickModelOptions });
    decodes = countDecodes(model.native.context);
  });
  afterAll(() => model.dispose());

  const segments = [{ text: "Once upon a time, there was a", trusted: true }];

  it("gives siblings distinct seeds, so their texts differ", async () => {
    const reply = await model.generate({
      segments,
      maxTokens: 16,
      n: 4,
      temperature: 1,
      seed: 100,
    });
    const texts = new Set(reply.completions.map((completion) => completion.text));
    expect(texts.size).toBeGreaterThan(1);
  });

  it("repeats a completion exactly for the same seed", async () => {
    const first = await model.generate({ segments, maxTokens: 16, temperature: 1, seed: 42 });
    const second = await model.generate({ segments, maxTokens: 16, temperature: 1, seed: 42 });
    expect(second.completions[0]?.tokens).toEqual(first.completions[0]?.tokens);
  });

  it("gives sibling i the seed + i completion of a single-branch call", async () => {
    const siblings = await model.generate({
      segments,
      maxTokens: 12,
      n: 3,
      temperature: 1,
      seed: 7,
    });
    const third = await model.generate({ segments, maxTokens: 12, temperature: 1, seed: 9 });
    expect(siblings.completions[2]?.tokens).toEqual(third.completions[0]?.tokens);
  });

  it("gives greedy siblings the same text", async () => {
    const reply = await model.generate({ segments, maxTokens: 12, n: 3, temperature: 0 });
    const texts = new Set(reply.completions.map((completion) => completion.text));
    expect(texts.size).toBe(1);
  });

  it("decodes one token of every branch per batch", async () => {
    await model.generate({ segments, maxTokens: 1, n: 4, temperature: 1, seed: 1 });
    decodes.reset();
    const reply = await model.generate({ segments, maxTokens: 20, n: 4, temperature: 1, seed: 5 });
    expect(reply.usage.generatedTokens).toBe(80);
    // 20 steps of 4 branches; separately they would take 80 decodes.
    expect(decodes.count()).toBeLessThanOrEqual(21);
  });
});
