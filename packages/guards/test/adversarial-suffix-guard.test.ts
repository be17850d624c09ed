import { describe, expect, it } from "vitest";
import {
  createAdversarialSuffixGuard,
  GuardError,
  measureTailPerplexity,
  type TokenLogprobScorer,
} from "../src/index.js";

/** One token per character: a letter of "abc " is likely, anything else nearly impossible. */
const characterScorer: TokenLogprobScorer = {
  async measureTokenLogprobs(text) {
    return Array.from(text, (character) => Math.log("abc ".includes(character) ? 0.25 : 1e-6));
  },
};

describe("measureTailPerplexity", () => {
  it("is exp of minus the mean log-probability of the last window", () => {
    const logprobs = [Math.log(1e-9), Math.log(0.5), Math.log(0.25)];
    expect(measureTailPerplexity(logprobs, 2).perplexity).toBeCloseTo(1 / Math.sqrt(0.125), 12);
    expect(measureTailPerplexity(logprobs, 2).tokens).toBe(2);
    expect(measureTailPerplexity([], 8)).toEqual({ perplexity: 1, tokens: 0 });
    expect(measureTailPerplexity([Number.NEGATIVE_INFINITY], 8).perplexity).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe("createAdversarialSuffixGuard", () => {
  const guard = createAdversarialSuffixGuard({
    scorer: characterScorer,
    threshold: 10,
    window: 4,
  });

  it("passes a likely tail and reports the perplexity it measured", async () => {
    expect(await guard.check("zzzz abc")).toEqual({
      ok: true,
      guard: "adversarial-suffix",
      measurement: {
        kind: "perplexity",
        perplexity: expect.closeTo(4, 9),
        tokens: 4,
        threshold: 10,
      },
    });
  });

  it("flags an unlikely tail, whatever comes before it", async () => {
    const verdict = await guard.check("abc abc abc x!~q");
    expect(verdict.ok).toBe(false);
    expect(verdict.measurement).toMatchObject({ kind: "perplexity", tokens: 4 });
    expect(verdict.ok === false && verdict.reason).toMatch(
      /^Expected a perplexity of at most 10 over the last 4 tokens, got 1\.00e\+6\.$/,
    );
  });

  it("hands the abort signal to the scorer", async () => {
    let seen: AbortSignal | undefined;
    const spy = createAdversarialSuffixGuard({
      scorer: {
        async measureTokenLogprobs(_text, options) {
          seen = options?.signal;
          return [];
        },
      },
      threshold: 2,
    });
    const controller = new AbortController();
    await spy.check("x", { signal: controller.signal });
    expect(seen).toBe(controller.signal);
  });

  it("refuses a threshold of 1 or less, a bad window and a scorer without the method", () => {
    expect(() => createAdversarialSuffixGuard({ scorer: characterScorer, threshold: 1 })).toThrow(
      /finite number above 1, got 1 \(number\)/,
    );
    expect(() =>
      createAdversarialSuffixGuard({ scorer: characterScorer, threshold: 5, window: 0 }),
    ).toThrow(GuardError);
    expect(() =>
      createAdversarialSuffixGuard({ scorer: {} as TokenLogprobScorer, threshold: 5 }),
    ).toThrow(/measureTokenLogprobs/);
  });
});
