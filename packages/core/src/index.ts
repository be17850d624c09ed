/**
 * deliberate's engine: think about a question within a budget, and get the best answer found,
 * why the search stopped, and the whole tree. Pieces for writing plug-ins, models and tasks live
 * in the subpaths `@deliberate/core/plugins`, `/model`, `/task`, `/tree` and `/options`.
 *
 * @packageDocumentation
 */
export {
  createSearch,
  type Search,
  type SearchStatus,
  type ThinkInput,
} from "./api/create-search.js";
export { type ThinkStreamItem, think, thinkStream } from "./api/think.js";
export { type ThinkManyResult, thinkMany } from "./api/think-many.js";
export type { ThinkManyOptions } from "./api/think-many-options.js";
export type { ThinkManyProgress } from "./api/think-many-progress.js";
export type { BudgetInput } from "./budget/budget.js";
export { DeliberateError, type DeliberateErrorCode, isDeliberateError } from "./errors.js";
export { combineEvaluators } from "./evaluators/combine.js";
export { confidenceEvaluator } from "./evaluators/confidence.js";
export type { Evaluator } from "./evaluators/evaluator.js";
export { valueEvaluator } from "./evaluators/value.js";
export { verifierEvaluator } from "./evaluators/verifier.js";
export { voteEvaluator } from "./evaluators/vote.js";
export type { Generator } from "./generators/generator.js";
export { proposeGenerator } from "./generators/propose.js";
export { sampleGenerator } from "./generators/sample.js";
export type { Model } from "./model/model.js";
export type { ThinkOptions } from "./options/think-options.js";
export {
  defineEvaluator,
  defineGenerator,
  defineStrategy,
  type Plugin,
} from "./plugins/plugin.js";
export type {
  AnyPlugin,
  EvaluatorOption,
  GeneratorOption,
  StrategyOption,
} from "./plugins/plugin-option.js";
export type { SearchScope } from "./plugins/search-scope.js";
export type { PathStep, Result, SearchUsage, StopReason } from "./search/result.js";
export type { SearchSnapshot } from "./search/snapshot.js";
export { anytime } from "./strategies/anytime.js";
export { bestOfN, greedy, sample, selfConsistency } from "./strategies/baselines.js";
export { beam } from "./strategies/beam.js";
export { bestFirst } from "./strategies/best-first.js";
export { dfs } from "./strategies/dfs.js";
export { mcts } from "./strategies/mcts.js";
export type { Strategy } from "./strategies/strategy.js";
export { createQuestionTask } from "./task/question-task.js";
export type { Task } from "./task/task.js";
export { replayTree } from "./tree/replay.js";
export type { SearchEvent, SearchTree, TreeNode } from "./tree/schema.js";
export { loadTree, parseTree, saveTree } from "./tree/tree-file.js";
