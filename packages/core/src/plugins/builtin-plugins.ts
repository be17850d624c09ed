import { confidenceEvaluator } from "../evaluators/confidence.js";
import { valueEvaluator } from "../evaluators/value.js";
import { verifierEvaluator } from "../evaluators/verifier.js";
import { voteEvaluator } from "../evaluators/vote.js";
import { proposeGenerator } from "../generators/propose.js";
import { sampleGenerator } from "../generators/sample.js";
import { anytime } from "../strategies/anytime.js";
import { bestOfN, greedy, sample, selfConsistency } from "../strategies/baselines.js";
import { beam } from "../strategies/beam.js";
import { bestFirst } from "../strategies/best-first.js";
import { dfs } from "../strategies/dfs.js";
import { mcts } from "../strategies/mcts.js";

/** The strategies that come with deliberate; `anytime` is the default. */
export const builtinStrategies = [
  anytime,
  beam,
  dfs,
  bestFirst,
  mcts,
  bestOfN,
  selfConsistency,
  greedy,
  sample,
] as const;

/** The evaluators that come with deliberate; `value` is the default. */
export const builtinEvaluators = [
  valueEvaluator,
  voteEvaluator,
  confidenceEvaluator,
  verifierEvaluator,
] as const;

/** The generators that come with deliberate; `sample` is the default. */
export const builtinGenerators = [sampleGenerator, proposeGenerator] as const;

/** Every built-in plug-in. */
export const builtinPlugins = [...builtinStrategies, ...builtinEvaluators, ...builtinGenerators];
