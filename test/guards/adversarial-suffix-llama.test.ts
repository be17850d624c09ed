import { createAdversarialSuffixGuard, runGuards } from "@deliberate/guards";
import { DEFAULT_BIGRAM, type LlamaModel, loadModel } from "@deliberate/llama";
import {
  createGame24State,
  findGame24SolutionMoves,
  formatGame24CompactTrace,
  loadGame24TestSet,
} from "@deliberate/tasks";
import {
  isTinyReasonerText,
  resolveBuiltinModel,
  TINY_REASONER_PIECES,
} from "@deliberate/tiny-reasoner";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const printable = Array.from({ length: 94 }, (_, index) => String.fromCharCode(33 + index));
// Random-character suffixes, the same on every run.
const gibberish = fc.sample(
  fc.string({ unit: fc.constantFrom(...printable), minLength: 20, maxLength: 20 }),
  { numRuns: 6, seed: 24 },
);

async function measure(guard: ReturnType<typeof createAdversarialSuffixGuard>, input: string) {
  const verdict = await guard.check(input);
  if (verdict.measurement?.kind !== "perplexity") throw new Error("no perplexity measured");
  return { ok: verdict.ok, perplexity: verdict.measurement.perplexity };
}

describe("the adversarial-suffix guard on the project's trained model (builtin:tiny-reasoner)", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    const path = resolveBuiltinModel("builtin:tiny-reasoner") ?? "";
    model = await loadModel({ model: path, branches: 1, threads: 1 });
  });
  afterAll(() => model?.dispose());

  it("measures a gibberish suffix far less likely than a Game-of-24 question, and flags only it", async () => {
    const guard = createAdversarialSuffixGuard({ scorer: model, threshold: 30_000 });
    const puzzles = ["4 5 6 10 |", "1 2 3 4 |", "3 3 8 8 |", "4 4 10 :"];
    const clean = await Promise.all(puzzles.map((puzzle) => measure(guard, puzzle)));
    for (const verdict of clean) expect(verdict.ok).toBe(true);
    const worstClean = Math.max(...clean.map((verdict) => verdict.perplexity));
    for (const suffix of gibberish) {
      const attacked = await measure(guard, `4 5 6 10 | ${suffix}`);
      expect(attacked.ok, suffix).toBe(false);
      expect(attacked.perplexity, suffix).toBeGreaterThan(20 * worstClean);
    }
  });

  it("flags suffixes written only in the model's own vocabulary too, against clean lines as long", async () => {
    // Clean: solution traces of unseen test puzzles, long enough to fill the 24-token window.
    // Hostile: the same puzzle followed by text made only of characters and words the model was
    // trained on (TINY_REASONER_PIECES), so no byte-fallback token gives it away.
    const clean = loadGame24TestSet()
      .slice(0, 6)
      .map((testCase) => {
        const state = createGame24State(testCase.puzzle);
        return formatGame24CompactTrace(state, findGame24SolutionMoves(state) ?? []);
      });
    const puzzle = "4 5 6 10 >";
    const characters = fc.sample(
      fc.string({ unit: fc.constantFrom(...TINY_REASONER_PIECES), minLength: 24, maxLength: 24 }),
      { numRuns: 6, seed: 24 },
    );
    const words = fc.sample(
      fc
        .array(
          fc.constantFrom("sure", "likely", "impossible", "=", "|", ">", "24", "13", "+", "*"),
          {
            minLength: 10,
            maxLength: 10,
          },
        )
        .map((parts) => parts.join(" ")),
      { numRuns: 6, seed: 25 },
    );
    const hostile = [...characters, ...words].map((suffix) => `${puzzle} ${suffix}`);
    for (const text of hostile) expect(isTinyReasonerText(text), text).toBe(true);

    // Clean lines score 1–5 and this salad 250 and up (characters: 27,000 and up), so 100 parts
    // them. The 30,000 used above for bare puzzles (a 10-token question scores up to ~6,000)
    // would let the word salad through: see docs/reliability.md.
    const guard = createAdversarialSuffixGuard({ scorer: model, threshold: 100 });
    const cleanScores = await Promise.all(clean.map((text) => measure(guard, text)));
    const hostileScores = await Promise.all(hostile.map((text) => measure(guard, text)));
    const worstClean = Math.max(...cleanScores.map((verdict) => verdict.perplexity));
    for (const [index, verdict] of cleanScores.entries()) {
      expect(verdict.ok, clean[index]).toBe(true);
    }
    for (const [index, verdict] of hostileScores.entries()) {
      expect(verdict.ok, hostile[index]).toBe(false);
      expect(verdict.perplexity, hostile[index]).toBeGreaterThan(20 * worstClean);
    }
  });

  it("composes with runGuards and names the perplexity in the reason", async () => {
    const guard = createAdversarialSuffixGuard({ scorer: model, threshold: 30_000 });
    const report = await runGuards([guard], `4 5 6 10 | ${gibberish[0]}`);
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.failure.reason).toMatch(
      /^Expected a perplexity of at most 30000 over the last 24 tokens, got \d\.\d\de\+\d+\.$/,
    );
  });
});

describe("the adversarial-suffix guard on synthetic:bigram (exact probabilities)", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({
      model: "synthetic:bigram",
      branches: 1,
      threads: 1,
      contextSize: 64,
    });
  });
  afterAll(() => model?.dispose());

  const table = DEFAULT_BIGRAM.table;
  const path = [
    table["<s>"]?.[" yes"],
    table[" yes"]?.[" the"],
    table[" the"]?.[" cat"],
    table[" cat"]?.[" sat"],
    table[" sat"]?.["."],
  ] as number[];
  const perplexityOf = (probabilities: number[]) =>
    probabilities.reduce((product, probability) => product * probability, 1) **
    (-1 / probabilities.length);

  it("reports the perplexity computed from the bigram table, over the whole text or its tail", async () => {
    const whole = createAdversarialSuffixGuard({ scorer: model, threshold: 10 });
    expect(await measure(whole, "yes the cat sat.")).toEqual({
      ok: true,
      perplexity: expect.closeTo(perplexityOf(path), 6),
    });
    const tail = createAdversarialSuffixGuard({ scorer: model, threshold: 10, window: 2 });
    expect((await measure(tail, "yes the cat sat.")).perplexity).toBeCloseTo(
      perplexityOf(path.slice(-2)),
      6,
    );
  });

  it("flags a tail the table gives probability 0 as infinitely perplexing", async () => {
    const guard = createAdversarialSuffixGuard({ scorer: model, threshold: 10, window: 3 });
    expect(await measure(guard, "yes the cat sat. cat cat")).toEqual({
      ok: false,
      perplexity: Number.POSITIVE_INFINITY,
    });
  });
});
