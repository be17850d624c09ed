import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlamaModel, loadModel } from "../src/index.js";
import { cutTokensAt, findStop, type TokenCodec } from "../src/inference/stop-strings.js";
import { quickModelOptions, testModel } from "./inference-fixture.js";

const letters: TokenCodec = {
  detokenize: (tokens) => tokens.map((token) => ["ab", ".\n", "cd", "e"][token]).join(""),
  tokenizeContinuation: (text) => [...text].map((char) => 10 + char.charCodeAt(0)),
};

describe("findStop", () => {
  it("finds the earliest of several stop strings", () => {
    expect(findStop("one. two\nthree", ["\n", "."])).toBe(3);
    expect(findStop("nothing here", ["\n"])).toBe(-1);
  });
});

describe("cutTokensAt", () => {
  it("keeps whole tokens before the cut", () => {
    expect(cutTokensAt([0, 2, 1], 4, letters)).toEqual({ tokens: [0, 2], kept: 2 });
  });

  it("re-spells the part of a token before a cut inside it", () => {
    expect(cutTokensAt([0, 1, 2], 3, letters)).toEqual({ tokens: [0, 10 + 46], kept: 1 });
  });
});

describe("LlamaModel stop strings", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: testModel, ...quickModelOptions });
  });
  afterAll(() => model.dispose());

  it("ends before the stop string and leaves it out", async () => {
    const reply = await model.generate({
      segments: [{ text: "Once upon a time", trusted: true }],
      maxTokens: 60,
      n: 3,
      temperature: 1,
      seed: 12,
      stop: ["a", "."],
    });
    for (const completion of reply.completions) {
      expect(completion.text).not.toMatch(/[a.]/);
    }
    expect(reply.completions.some((completion) => completion.finishReason === "stop")).toBe(true);
  });

  it("returns tokens that spell the returned text", async () => {
    const reply = await model.generate({
      segments: [{ text: "Once upon a time", trusted: true }],
      maxTokens: 40,
      n: 4,
      temperature: 1,
      seed: 30,
      stop: ["e"],
    });
    const prompt = model.renderPrompt([{ text: "Once upon a time", trusted: true }]);
    for (const completion of reply.completions) {
      const spelled = model.detokenize([...prompt, ...(completion.tokens ?? [])]);
      expect(spelled).toBe(model.detokenize(prompt) + completion.text);
      expect(completion.text).not.toContain("e");
    }
    expect(reply.completions.some((completion) => completion.finishReason === "stop")).toBe(true);
  });
});
