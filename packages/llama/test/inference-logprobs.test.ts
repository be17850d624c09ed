import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlamaModel, loadModel } from "../src/index.js";
import { normalizeLogScores } from "../src/inference/score-options.js";
import { quickModelOptions } from "./inference-fixture.js";

/** The table of synthetic:bigram, by previous token. */
const table: Record<string, Record<string, number>> = {
  "<s>": { " yes": 0.75, " no": 0.25 },
  " yes": { " the": 0.5, "</s>": 0.5 },
  " no": { " the": 0.2, "</s>": 0.8 },
  " the": { " cat": 0.6, " dog": 0.4 },
  " cat": { " sat": 0.7, " ran": 0.3 },
  " dog": { " sat": 0.1, " ran": 0.9 },
  " sat": { ".": 1 },
  " ran": { ".": 1 },
  ".": { " the": 0.5, "</s>": 0.5 },
};

describe("normalizeLogScores", () => {
  it("turns log-scores into probabilities summing to 1", () => {
    const probabilities = normalizeLogScores([Math.log(0.3), Math.log(0.1)]);
    expect(probabilities[0]).toBeCloseTo(0.75, 12);
    expect(probabilities[1]).toBeCloseTo(0.25, 12);
  });

  it("shares evenly among options that are all impossible", () => {
    expect(normalizeLogScores([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY])).toEqual([
      0.5, 0.5,
    ]);
  });
});

describe("LlamaModel log-probabilities (exact bigram model)", () => {
  let model: LlamaModel;
  let pieceOf: (token: number) => string;
  beforeAll(async () => {
    model = await loadModel({
      model: "synthetic:bigram",
      ...quickModelOptions,
      contextSize: 128,
    });
    const pieces = Object.keys(table).filter((key) => key !== "<s>");
    const ids = new Map(
      pieces.map((piece) => [model.tokenize(piece, false).at(-1) as number, piece]),
    );
    pieceOf = (token) => ids.get(token) ?? `#${token}`;
  });
  afterAll(() => model.dispose());

  it("reports each sampled token's probability from the table", async () => {
    const reply = await model.generate({
      segments: [{ text: "" }],
      maxTokens: 8,
      n: 4,
      temperature: 1,
      seed: 17,
      logprobs: true,
    });
    for (const completion of reply.completions) {
      const tokens = completion.tokens ?? [];
      expect(completion.logprobs).toHaveLength(tokens.length);
      tokens.forEach((token, index) => {
        const previous = index === 0 ? "<s>" : pieceOf(tokens[index - 1] as number);
        const expected = table[previous]?.[pieceOf(token)] ?? 0;
        expect(Math.exp(completion.logprobs?.[index] ?? Number.NaN)).toBeCloseTo(expected, 5);
      });
    }
  });

  it("gives the greedy path the table's most likely tokens", async () => {
    const reply = await model.generate({
      segments: [{ text: " the" }],
      maxTokens: 3,
      temperature: 0,
      logprobs: true,
    });
    expect(reply.completions[0]?.text).toBe(" cat sat.");
    expect(reply.completions[0]?.logprobs?.map((logprob) => Math.exp(logprob))).toEqual([
      expect.closeTo(0.6, 5),
      expect.closeTo(0.7, 5),
      expect.closeTo(1, 5),
    ]);
  });

  it("samples the first token with the table's frequencies", async () => {
    const reply = await model.generate({
      segments: [{ text: "" }],
      maxTokens: 1,
      n: 200,
      temperature: 1,
      seed: 1000,
    });
    const yes = reply.completions.filter((completion) => completion.text === "yes").length;
    // 0.75 × 200 = 150, standard deviation ≈ 6.1: ±25 is four of them.
    expect(yes).toBeGreaterThan(125);
    expect(yes).toBeLessThan(175);
  });

  it("scores options with the table's probabilities, normalized", async () => {
    const answer = await model.scoreOptions({ segments: [{ text: "" }], options: [" yes", " no"] });
    expect(answer.probabilities[0]).toBeCloseTo(0.75, 5);
    expect(answer.probabilities[1]).toBeCloseTo(0.25, 5);
    const phrases = await model.scoreOptions({
      segments: [{ text: " the" }],
      options: [" cat sat", " cat ran", " dog sat", " dog ran"],
    });
    expect(phrases.probabilities).toEqual(
      [0.42, 0.18, 0.04, 0.36].map((p) => expect.closeTo(p, 5)),
    );
  });

  it("gives an impossible option probability 0", async () => {
    const scores = await model.scoreOptions({
      segments: [{ text: " the" }],
      options: [" cat", " sat"],
    });
    expect(scores.probabilities[1]).toBe(0);
    expect(scores.probabilities[0]).toBe(1);
  });
});
