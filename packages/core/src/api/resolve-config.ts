import type { ResolvedBudget } from "../budget/budget.js";
import { parseDuration } from "../budget/duration.js";
import type { SearchConfig } from "../engine/search-run.js";
import { DEFAULT_SETTLE_RULE } from "../engine/settle.js";
import { DeliberateError } from "../errors.js";
import { combineEvaluators } from "../evaluators/combine.js";
import { confidenceEvaluator } from "../evaluators/confidence.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import { valueEvaluator } from "../evaluators/value.js";
import { verifierEvaluator } from "../evaluators/verifier.js";
import { voteEvaluator } from "../evaluators/vote.js";
import { proposeSteps } from "../generators/propose.js";
import { sampleSteps } from "../generators/sample.js";
import type {
  EvaluatorOption,
  ParsedThinkOptions,
  StrategyOption,
} from "../options/think-options.js";
import { anytime } from "../strategies/anytime.js";
import { bestOfN, greedy, sample, selfConsistency } from "../strategies/baselines.js";
import { beam } from "../strategies/beam.js";
import { bestFirst } from "../strategies/best-first.js";
import { dfs } from "../strategies/dfs.js";
import { mcts } from "../strategies/mcts.js";
import type { Strategy } from "../strategies/strategy.js";
import type { Task } from "../task/task.js";

/** The strategy an option names. */
export function resolveStrategy(option: StrategyOption): Strategy<unknown> {
  if (typeof option === "object" && "select" in option) return option as Strategy<unknown>;
  const spec = (typeof option === "string" ? { name: option } : option) as Exclude<
    StrategyOption,
    string | Strategy
  >;
  switch (spec.name) {
    case "anytime":
      return anytime(spec) as Strategy<unknown>;
    case "beam":
      return beam(spec) as Strategy<unknown>;
    case "dfs":
      return dfs(spec) as Strategy<unknown>;
    case "best-first":
      return bestFirst(spec) as Strategy<unknown>;
    case "mcts":
      return mcts(spec) as Strategy<unknown>;
    case "best-of-n":
      return bestOfN(spec) as Strategy<unknown>;
    case "self-consistency":
      return selfConsistency(spec) as Strategy<unknown>;
    case "greedy":
      return greedy() as Strategy<unknown>;
    default:
      return sample() as Strategy<unknown>;
  }
}

/** The evaluator an option names. */
export function resolveEvaluator(option: EvaluatorOption): Evaluator {
  if (typeof option === "object" && "evaluate" in option) return option as Evaluator;
  const spec = (typeof option === "string" ? { name: option } : option) as Exclude<
    EvaluatorOption,
    string | Evaluator
  >;
  switch (spec.name) {
    case "value":
      return valueEvaluator(spec);
    case "vote":
      return voteEvaluator(spec);
    case "confidence":
      return confidenceEvaluator();
    case "verifier":
      return verifierEvaluator(spec.verify);
    case "combine":
      return combineEvaluators(
        spec.parts.map((part) => ({
          evaluator: resolveEvaluator(part.evaluator),
          weight: part.weight,
        })),
      );
  }
}

/**
 * Think time of a search whose strategy grows (`anytime`) given no budget at all: it needs one to
 * grow into. A fixed strategy given no budget runs its shape once, unlimited.
 */
export const DEFAULT_THINK_TIME_MS = 30_000;

function resolveBudget(options: ParsedThinkOptions, strategy: Strategy<unknown>): ResolvedBudget {
  const budget =
    options.budget ??
    (strategy.grows ? { reserve: 0.1, time: DEFAULT_THINK_TIME_MS } : { reserve: 0.1 });
  const { time, ...rest } = budget;
  return time === undefined ? rest : { ...rest, timeMs: parseDuration(time, "budget.time") };
}

/** Checks that the task offers what the chosen generator and evaluator need. */
function checkTaskFits(
  task: Task<unknown>,
  options: ParsedThinkOptions,
  evaluator: Evaluator,
): void {
  const needs = (ok: boolean, what: string, field: string) => {
    if (!ok)
      throw new DeliberateError(
        "INVALID_OPTION",
        `The ${field} needs a task with ${what}; task "${task.name}" has none`,
        { field },
      );
  };
  if (options.generator === "propose")
    needs(Boolean(task.proposePrompt), "a proposePrompt", "generator");
  if (evaluator.name === "value") needs(Boolean(task.valuePrompt), "a valuePrompt", "evaluator");
  if (evaluator.name === "vote") needs(Boolean(task.votePrompt), "a votePrompt", "evaluator");
}

/** Everything a search needs, from validated options. */
export function resolveConfig(task: Task<unknown>, options: ParsedThinkOptions): SearchConfig {
  const evaluator = resolveEvaluator(options.evaluator);
  checkTaskFits(task, options, evaluator);
  const strategy = resolveStrategy(options.strategy);
  return {
    task,
    maxDepth: options.maxDepth ?? task.maxDepth,
    model: options.model,
    strategy,
    generator: options.generator === "propose" ? proposeSteps : sampleSteps,
    evaluator,
    budget: resolveBudget(options, strategy),
    settings: {
      temperature: options.temperature,
      maxStepTokens: options.maxStepTokens,
      evaluationSamples: options.evaluationSamples,
      logprobs: evaluator.needsLogprobs === true,
      toolTimeoutMs: parseDuration(options.toolTimeout, "toolTimeout"),
      maxObservationChars: options.maxObservationChars,
    },
    gate: {
      concurrency: options.concurrency,
      retries: options.retries,
      callTimeoutMs:
        options.callTimeout === undefined
          ? undefined
          : parseDuration(options.callTimeout, "callTimeout"),
    },
    seed: options.seed,
    stopOnSolution: options.stopOnSolution,
    settle: options.settle === false ? undefined : { ...DEFAULT_SETTLE_RULE, ...options.settle },
    onExhausted: options.onExhausted,
    checkpoint: options.checkpoint,
  };
}
