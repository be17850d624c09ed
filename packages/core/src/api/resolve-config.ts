import type { ResolvedBudget } from "../budget/budget.js";
import { parseDuration } from "../budget/duration.js";
import type { SearchConfig } from "../engine/search-run.js";
import { DEFAULT_SETTLE_RULE } from "../engine/settle.js";
import { DeliberateError } from "../errors.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import { resolveGuard } from "../guards/guard-option.js";
import type { ParsedThinkOptions } from "../options/think-options.js";
import type { PluginSet } from "../plugins/plugin-set.js";
import { resolveEvaluator, resolveGenerator, resolveStrategy } from "../plugins/resolve-choice.js";
import type { Strategy } from "../strategies/strategy.js";
import type { Task } from "../task/task.js";

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
function checkTaskFits(task: Task<unknown>, generatorName: string, evaluator: Evaluator): void {
  const needs = (ok: boolean, what: string, field: string) => {
    if (!ok)
      throw new DeliberateError(
        "INVALID_OPTION",
        `The ${field} needs a task with ${what}; task "${task.name}" has none`,
        { field },
      );
  };
  if (generatorName === "propose")
    needs(Boolean(task.proposePrompt), "a proposePrompt", "generator");
  if (evaluator.name === "value") needs(Boolean(task.valuePrompt), "a valuePrompt", "evaluator");
  if (evaluator.name === "vote") needs(Boolean(task.votePrompt), "a votePrompt", "evaluator");
}

/** Everything a search needs, from validated options. */
export function resolveConfig(
  task: Task<unknown>,
  options: ParsedThinkOptions,
  plugins: PluginSet,
): SearchConfig {
  const evaluator = resolveEvaluator(options.evaluator, plugins);
  const generator = resolveGenerator(options.generator, plugins);
  checkTaskFits(task, generator.choice.name, evaluator.made);
  const strategy = resolveStrategy(options.strategy, plugins);
  return {
    task,
    maxDepth: options.maxDepth ?? task.maxDepth,
    model: options.model,
    strategy: strategy.made,
    generator: generator.made,
    evaluator: evaluator.made,
    plugins: {
      strategy: strategy.choice,
      evaluator: evaluator.choice,
      generator: generator.choice,
    },
    guards: (options.guards ?? []).map(resolveGuard),
    budget: resolveBudget(options, strategy.made),
    settings: {
      temperature: options.temperature,
      maxStepTokens: options.maxStepTokens,
      evaluationSamples: options.evaluationSamples,
      logprobs: evaluator.made.needsLogprobs === true,
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
