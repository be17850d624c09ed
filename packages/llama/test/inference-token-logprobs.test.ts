import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_BIGRAM, type LlamaModel, loadModel } from "../src/index.js";
import { quickModelOptions } from "./inference-fixture.js";

describe("LlamaModel.measureTokenLogprobs (exact bigram model)", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: "synthetic:bigram", ...quickModelOptions, contextSize: 64 });
  });
  afterAll(() => model.dispose());

  it("gives each token of a text its probability in the table, the first one after BOS", async () => {
    const pieces = [" yes", " the", " cat", " sat", ".", " the", " dog", " ran", "."];
    const logprobs = await model.measureTokenLogprobs(pieces.join("").trimStart());
    const expected = pieces.map((piece, index) => {
      const previous = index === 0 ? "<s>" : (pieces[index - 1] as string);
      return DEFAULT_BIGRAM.table[previous]?.[piece] ?? 0;
    });
    expect(logprobs.map((logprob) => Math.exp(logprob))).toEqual(
      expected.map((probability) => expect.closeTo(probability, 6)),
    );
  });

  it("reads control-token text as plain text, which the table never predicts", async () => {
    const tokens = model.tokenize("</s> the");
    const logprobs = await model.measureTokenLogprobs("</s> the");
    expect(logprobs).toHaveLength(tokens.length);
    expect(logprobs[0]).toBe(Number.NEGATIVE_INFINITY);
  });

  it("scores the tail of a text longer than the context", async () => {
    const text = "the cat sat.".repeat(model.contextSize);
    const logprobs = await model.measureTokenLogprobs(text);
    expect(logprobs).toHaveLength(model.contextSize - 1);
    expect(logprobs.at(-1)).toBeCloseTo(0, 6); // " sat" → "." has probability 1
  });

  it("gives no log-probabilities for an empty text", async () => {
    expect(await model.measureTokenLogprobs("")).toEqual([]);
  });

  it("stops at an abort signal and stays usable", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      model.measureTokenLogprobs("yes the cat", { signal: controller.signal }),
    ).rejects.toMatchObject({ code: "ABORTED" });
    expect(await model.measureTokenLogprobs("yes")).toEqual([expect.closeTo(Math.log(0.75), 6)]);
  });
});
