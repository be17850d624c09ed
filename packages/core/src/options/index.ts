/**
 * Options as data, for packages and apps built on deliberate: the schemas behind `think`'s
 * options, their validation and error wording, durations, and the defaults.
 *
 * @packageDocumentation
 */
export { DEFAULT_THINK_TIME_MS } from "../api/resolve-config.js";
export { ThinkManyOptions } from "../api/think-many-options.js";
export { Budget, type BudgetInput, type BudgetLimit } from "../budget/budget.js";
export { formatDuration, parseDuration } from "../budget/duration.js";
export { measureLeadConfidence, type SettleRule } from "../engine/settle.js";
export { describeValue } from "../errors.js";
export { describeOptionIssue } from "./describe-option-issue.js";
export { parseThinkOptions } from "./parse-options.js";
export { EvaluatorName, StrategyName, ThinkOptions } from "./think-options.js";
