import type { Model } from "@deliberate/core";
import type { GuardOption } from "@deliberate/core/plugins";
import {
  createAdversarialSuffixGuard,
  createEncodedPayloadGuard,
  createLengthGuard,
  type TokenLogprobScorer,
} from "@deliberate/guards";
import { createUsageError } from "../cli-error.js";
import { DEFAULT_MAX_INPUT_CHARS, type GuardFlags } from "../options/guard-flags.js";

function canScore(model: Model): model is Model & TokenLogprobScorer {
  return typeof (model as Partial<TokenLogprobScorer>).measureTokenLogprobs === "function";
}

/**
 * The guards `ask` and `solve` run on the question, in order: the length guard first, so that a
 * huge question is refused before anything reads it further; then encoded payloads; then, with
 * `--max-perplexity`, the adversarial-suffix guard, which asks the loaded model. `undefined` with
 * `--no-guards`.
 */
export function buildGuards(flags: GuardFlags, model: Model): GuardOption[] | undefined {
  if (flags.guards === false) return undefined;
  const guards = [
    createLengthGuard({ maxCharacters: flags.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS }),
    createEncodedPayloadGuard(),
  ];
  if (flags.maxPerplexity !== undefined) {
    if (!canScore(model)) {
      throw createUsageError(
        `--max-perplexity needs a model that can score text (a GGUF, synthetic: or builtin: model), got ${model.id}.`,
      );
    }
    guards.push(createAdversarialSuffixGuard({ scorer: model, threshold: flags.maxPerplexity }));
  }
  const onFlag = flags.guardsWarn ? "warn" : "block";
  return guards.map((guard) => ({ guard, onFlag }));
}
