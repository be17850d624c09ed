/**
 * Writing strategies, evaluators, generators and input guards of your own: the shapes they take,
 * the read-only scope they get, the built-ins as examples, and the helpers the built-ins use.
 *
 * @packageDocumentation
 */
export { combineEvaluators, type WeightedEvaluator } from "../evaluators/combine.js";
export {
  clampUnit,
  type Evaluation,
  type EvaluationTarget,
  type Evaluator,
} from "../evaluators/evaluator.js";
export { parseValueWord, ValueOptions } from "../evaluators/value.js";
export type { VerifyFunction } from "../evaluators/verifier.js";
export { parseVoteNumber, VoteOptions } from "../evaluators/vote.js";
export {
  type GeneratedStep,
  type Generation,
  type Generator,
  splitUsage,
} from "../generators/generator.js";
export type {
  Guard,
  GuardAction,
  GuardCheckOptions,
  GuardChoice,
  GuardFailure,
  GuardMeasurement,
  GuardOption,
  GuardPass,
  GuardVerdict,
} from "../guards/guard.js";
export { AnytimeOptions } from "../strategies/anytime.js";
export { SamplesOptions } from "../strategies/baselines.js";
export { BeamOptions } from "../strategies/beam.js";
export { BestFirstOptions } from "../strategies/best-first.js";
export { DfsOptions } from "../strategies/dfs.js";
export { MctsOptions } from "../strategies/mcts.js";
export {
  compareByScore,
  isExpandable,
  isViable,
  nodesOf,
  type Prune,
  pruneAtDepthLimit,
  pruneBelowThreshold,
  rankOf,
  type Selection,
  type Strategy,
  type StrategyView,
  separateRepeatedStates,
  type Update,
} from "../strategies/strategy.js";
export {
  builtinEvaluators,
  builtinGenerators,
  builtinPlugins,
  builtinStrategies,
} from "./builtin-plugins.js";
export {
  defineEvaluator,
  defineGenerator,
  defineStrategy,
  type EvaluatorPlugin,
  type GeneratorPlugin,
  isPlugin,
  type Plugin,
  type PluginDefinition,
  type PluginKind,
  type PluginOptionsSchema,
  type PluginProducts,
  type StrategyPlugin,
} from "./plugin.js";
export type {
  AnyPlugin,
  EvaluatorOption,
  GeneratorOption,
  PluginChoiceOf,
  PluginOptionsOf,
  SingleEvaluatorOption,
  StrategyOption,
} from "./plugin-option.js";
export type { CallOutcome, NodeView, SearchScope, SearchSettings } from "./search-scope.js";
