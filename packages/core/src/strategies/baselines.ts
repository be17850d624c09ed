import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineStrategy } from "../plugins/plugin.js";
import { chooseMajorityAnswer, createChains } from "./chains.js";

/** Options of best-of-n and self-consistency. */
export const SamplesOptions = z.strictObject({
  /** Independent chains sampled. @default 8 */
  samples: integerIn(1, 10_000).optional(),
  /** Chains drawn together, a chunk after the other. @default 8 */
  chunk: integerIn(1, 256).optional(),
});
export type SamplesOptions = z.input<typeof SamplesOptions>;

const noOptions = z.strictObject({});

/**
 * System 1, greedy: one chain of steps decoded at temperature 0, no evaluation. The baseline a
 * search must beat.
 *
 * @example
 * ```ts
 * await think(task, { model, strategy: "greedy" });
 * ```
 */
export const greedy = defineStrategy({
  name: "greedy",
  description: "System 1: one chain decoded at temperature 0",
  options: noOptions,
  create: () =>
    createChains({
      name: "greedy",
      chains: 1,
      temperature: 0,
      evaluates: "none",
      singlePass: true,
    }),
});

/** System 1, sampled: one chain of steps at the search's temperature, no evaluation. */
export const sample = defineStrategy({
  name: "sample",
  description: "System 1: one chain sampled at the search's temperature",
  options: noOptions,
  create: () => createChains({ name: "sample", chains: 1, evaluates: "none", singlePass: true }),
});

/**
 * Best-of-N: `samples` independent chains; the evaluator scores the answers and the best wins.
 * With an exact verifier this is the baseline a search must beat at equal compute.
 */
export const bestOfN = defineStrategy({
  name: "best-of-n",
  description: "`samples` independent chains; the evaluator picks the best answer",
  options: SamplesOptions,
  create: (options) =>
    createChains({
      name: "best-of-n",
      chains: options.samples ?? 8,
      chunk: options.chunk,
      evaluates: "terminal",
    }),
});

/** Self-consistency: `samples` independent chains; the answer most of them reach wins. */
export const selfConsistency = defineStrategy({
  name: "self-consistency",
  description: "`samples` independent chains; the answer most of them reach wins",
  options: SamplesOptions,
  create: (options) =>
    createChains({
      name: "self-consistency",
      chains: options.samples ?? 8,
      chunk: options.chunk,
      evaluates: "none",
      chooseAnswer: (_state, view) => chooseMajorityAnswer(view),
    }),
});
