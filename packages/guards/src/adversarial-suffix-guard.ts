import { checkNumberAbove, checkPositiveInteger } from "./check-option.js";
import { GuardError } from "./errors.js";
import { measureTailPerplexity, type TokenLogprobScorer } from "./perplexity.js";
import type { Guard, GuardVerdict } from "./verdict.js";

/** Options of {@link createAdversarialSuffixGuard}. */
export interface AdversarialSuffixGuardOptions {
  /** Reads the input's per-token log-probabilities: the local model, e.g. a `LlamaModel`. */
  readonly scorer: TokenLogprobScorer;
  /**
   * Perplexity above which the tail is flagged. It depends on the model and on what users send:
   * take a little more than the highest perplexity of ordinary inputs measured with the same
   * model (the filter of Alon & Kamfonas, 2023).
   */
  readonly threshold: number;
  /**
   * How many of the last tokens the perplexity is measured over: an optimized suffix is a few
   * dozen tokens, and a window that also spans a long ordinary question dilutes it.
   * @default 24
   */
  readonly window?: number;
}

const name = "adversarial-suffix";

/**
 * Flags an input whose tail reads as gibberish to the local model: the perplexity filter against
 * optimized adversarial suffixes (GCG-style, Zou et al. 2023), after Alon & Kamfonas (2023) and
 * Jain et al. (2023). The verdict reports the perplexity measured, pass or fail.
 *
 * @example
 * ```ts
 * const model = await loadModel({ model: "builtin:tiny-reasoner" });
 * const guard = createAdversarialSuffixGuard({ scorer: model, threshold: 60 });
 * const verdict = await guard.check("4 5 6 10 | zq}X!r#8Lw~"); // { ok: false, measurement: { perplexity: 1.4e5, ... } }
 * ```
 */
export function createAdversarialSuffixGuard(options: AdversarialSuffixGuardOptions): Guard {
  const threshold = checkNumberAbove(name, "threshold", options.threshold, 1);
  const window = checkPositiveInteger(name, "window", options.window ?? 24);
  const scorer = options.scorer;
  if (typeof scorer?.measureTokenLogprobs !== "function") {
    throw new GuardError(
      "INVALID_OPTION",
      "Expected `scorer` of the adversarial-suffix guard to have measureTokenLogprobs(text), got none.",
      { guard: name },
    );
  }
  return {
    name,
    async check(input, checkOptions): Promise<GuardVerdict> {
      const logprobs = await scorer.measureTokenLogprobs(input, { signal: checkOptions?.signal });
      const { perplexity, tokens } = measureTailPerplexity(logprobs, window);
      const measurement = { kind: "perplexity", perplexity, tokens, threshold } as const;
      if (perplexity <= threshold) return { ok: true, guard: name, measurement };
      return {
        ok: false,
        guard: name,
        reason: `Expected a perplexity of at most ${threshold} over the last ${tokens} tokens, got ${formatPerplexity(perplexity)}.`,
        measurement,
      };
    },
  };
}

function formatPerplexity(perplexity: number): string {
  return perplexity < 1000 ? perplexity.toFixed(1) : perplexity.toExponential(2);
}
