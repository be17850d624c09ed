import { chooseMajorityAnswer, createChains } from "./chains.js";

export interface SamplesOptions {
  /** Independent chains sampled. @default 8 */
  readonly samples?: number;
  /** Chains drawn together, a chunk after the other. @default 8 */
  readonly chunk?: number;
}

/**
 * System 1, greedy: one chain of steps decoded at temperature 0, no evaluation. The baseline a
 * search must beat.
 *
 * @example
 * ```ts
 * await think(task, { model, strategy: "greedy" });
 * ```
 */
export const greedy = () =>
  createChains({
    name: "greedy",
    chains: 1,
    temperature: 0,
    evaluates: "none",
    singlePass: true,
  });

/** System 1, sampled: one chain of steps at the search's temperature, no evaluation. */
export const sample = () =>
  createChains({ name: "sample", chains: 1, evaluates: "none", singlePass: true });

/**
 * Best-of-N: `samples` independent chains; the evaluator scores the answers and the best wins.
 * With an exact verifier this is the baseline a search must beat at equal compute.
 */
export const bestOfN = (options: SamplesOptions = {}) =>
  createChains({
    name: "best-of-n",
    chains: options.samples ?? 8,
    chunk: options.chunk,
    evaluates: "terminal",
  });

/** Self-consistency: `samples` independent chains; the answer most of them reach wins. */
export const selfConsistency = (options: SamplesOptions = {}) =>
  createChains({
    name: "self-consistency",
    chains: options.samples ?? 8,
    chunk: options.chunk,
    evaluates: "none",
    chooseAnswer: (_state, view) => chooseMajorityAnswer(view),
  });
