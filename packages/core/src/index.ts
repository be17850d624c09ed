export {
  createSearch,
  type Search,
  type SearchStatus,
  type ThinkInput,
} from "./api/create-search.js";
export { DEFAULT_THINK_TIME_MS } from "./api/resolve-config.js";
export { type ThinkStreamItem, think, thinkStream } from "./api/think.js";
export { type ThinkManyResult, thinkMany } from "./api/think-many.js";
export { ThinkManyOptions } from "./api/think-many-options.js";
export type { ThinkManyProgress } from "./api/think-many-progress.js";
export { Budget, type BudgetInput, type BudgetLimit } from "./budget/budget.js";
export { formatDuration, parseDuration } from "./budget/duration.js";
export type { PathStep, Result, SearchUsage, StopReason } from "./engine/result.js";
export type { SearchSnapshot } from "./engine/search-run.js";
export { measureLeadConfidence, type SettleRule } from "./engine/settle.js";
export {
  DeliberateError,
  type DeliberateErrorCode,
  describeValue,
  isDeliberateError,
} from "./errors.js";
export { combineEvaluators, type WeightedEvaluator } from "./evaluators/combine.js";
export { confidenceEvaluator } from "./evaluators/confidence.js";
export {
  clampUnit,
  type Evaluation,
  type EvaluationTarget,
  type Evaluator,
} from "./evaluators/evaluator.js";
export { parseValueWord, type ValueOptions, valueEvaluator } from "./evaluators/value.js";
export { type VerifyFunction, verifierEvaluator } from "./evaluators/verifier.js";
export { parseVoteNumber, type VoteOptions, voteEvaluator } from "./evaluators/vote.js";
export type { GeneratedStep, Generation, Generator } from "./generators/generator.js";
export { proposeGenerator } from "./generators/propose.js";
export { sampleGenerator } from "./generators/sample.js";
export {
  addModelUsage,
  type Completion,
  emptyModelUsage,
  type Model,
  type ModelReply,
  type ModelRequest,
  type ModelUsage,
  type OutputConstraint,
  type PromptSegment,
  type ScoreOptionsReply,
  type ScoreOptionsRequest,
} from "./model/model.js";
export { describeOptionIssue } from "./options/describe-option-issue.js";
export { parseThinkOptions } from "./options/parse-options.js";
export { EvaluatorName, StrategyName, ThinkOptions } from "./options/think-options.js";
export {
  builtinEvaluators,
  builtinGenerators,
  builtinStrategies,
} from "./plugins/builtin-plugins.js";
export {
  defineEvaluator,
  defineGenerator,
  defineStrategy,
  type EvaluatorPlugin,
  type GeneratorPlugin,
  type Plugin,
  type PluginKind,
  type StrategyPlugin,
} from "./plugins/plugin.js";
export type {
  AnyPlugin,
  EvaluatorOption,
  GeneratorOption,
  StrategyOption,
} from "./plugins/plugin-option.js";
export type {
  CallOutcome,
  NodeView,
  SearchScope,
  SearchSettings,
} from "./plugins/search-scope.js";
export { createRandom, type Random } from "./random.js";
export { type AnytimeOptions, anytime } from "./strategies/anytime.js";
export {
  bestOfN,
  greedy,
  type SamplesOptions,
  sample,
  selfConsistency,
} from "./strategies/baselines.js";
export { type BeamOptions, beam } from "./strategies/beam.js";
export { type BestFirstOptions, bestFirst } from "./strategies/best-first.js";
export { type DfsOptions, dfs } from "./strategies/dfs.js";
export { type MctsOptions, mcts } from "./strategies/mcts.js";
export type { Prune, Selection, Strategy, StrategyView, Update } from "./strategies/strategy.js";
export { createQuestionTask, type QuestionTaskOptions } from "./task/question-task.js";
export {
  defaultValueScale,
  type StepOutcome,
  type Task,
  type TaskNode,
  type TaskPrompt,
  type ThoughtStep,
  type ValueScale,
} from "./task/task.js";
export {
  OBSERVATION_CLOSE,
  OBSERVATION_OPEN,
  observationSegments,
  readToolCall,
} from "./task/tool-steps.js";
export {
  type ThoughtTool,
  type ThoughtToolCallOptions,
  TOOL_NAME,
  type ToolCall,
} from "./tools/thought-tool.js";
export { replayTree } from "./tree/replay.js";
export {
  NodeScore,
  NodeStatus,
  NodeUsage,
  Observation,
  PluginChoice,
  ScoreSource,
  SearchEvent,
  type SearchEventType,
  SearchTree,
  TREE_FORMAT_VERSION,
  TreeNode,
} from "./tree/schema.js";
export {
  loadTree,
  parseTree,
  saveTree,
  writeJsonAtomic,
  writeTextAtomic,
} from "./tree/tree-file.js";
