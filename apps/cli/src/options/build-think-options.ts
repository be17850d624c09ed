import type { BudgetInput, StrategyOption, ThinkOptions } from "@deliberate/core";
import type { StrategyName } from "@deliberate/core/options";
import { createUsageError } from "../cli-error.js";
import { isOpenAISpec } from "../model/openai-spec.js";
import type { ThinkFlags } from "./think-flags.js";

/** The strategy knobs and the strategies each applies to. */
const KNOBS = {
  width: ["beam"],
  branching: ["anytime", "beam", "dfs", "best-first", "mcts"],
  samples: ["best-of-n", "self-consistency"],
  threshold: ["anytime", "dfs"],
} as const satisfies Record<string, readonly StrategyName[]>;

type Knob = keyof typeof KNOBS;

/** What `ask` and `solve` pass to core's `createSearch`, except the model and the callbacks. */
export type SearchOptions = Omit<ThinkOptions, "model" | "signal" | "onEvent">;

/**
 * Turns the command-line flags into core options: the strategy with its knobs, the evaluator, the
 * budget. A knob given to a strategy that has no use for it is a usage error, not silently ignored.
 */
export function buildThinkOptions(
  flags: ThinkFlags,
  defaults: Partial<SearchOptions> = {},
): SearchOptions {
  const options: SearchOptions = {
    ...defaults,
    strategy: buildStrategy(flags),
    budget: buildBudget(flags),
    seed: flags.seed,
  };
  return {
    ...options,
    ...(flags.evaluator === undefined ? {} : { evaluator: buildEvaluator(flags) }),
    ...(flags.generator === undefined ? {} : { generator: flags.generator }),
    ...(flags.temperature === undefined ? {} : { temperature: flags.temperature }),
    ...(flags.depth === undefined ? {} : { maxDepth: flags.depth }),
    ...(flags.onExhausted === undefined ? {} : { onExhausted: flags.onExhausted }),
    ...(flags.settle === false ? { settle: false } : {}),
  };
}

/**
 * The evaluator option. An engine behind `openai:` gives `top_logprobs`, so `vote` reads each
 * choice's probability in one request instead of sampling votes (as `value` does already).
 */
function buildEvaluator(flags: ThinkFlags): NonNullable<SearchOptions["evaluator"]> {
  const name = flags.evaluator as NonNullable<ThinkFlags["evaluator"]>;
  return name === "vote" && isOpenAISpec(flags.model) ? { name, probabilities: true } : name;
}

/** The strategy option: the bare name when no knob is set, else the name with its knobs. */
export function buildStrategy(flags: ThinkFlags): StrategyOption {
  const name = flags.strategy;
  const knobs: Partial<Record<Knob, number>> = {};
  for (const knob of Object.keys(KNOBS) as Knob[]) {
    const value = flags[knob];
    if (value === undefined) continue;
    const fits = KNOBS[knob] as readonly StrategyName[];
    if (!fits.includes(name)) {
      throw createUsageError(
        `--${knob} applies to the ${fits.join(", ")} strateg${fits.length > 1 ? "ies" : "y"}, not to --strategy ${name}.`,
      );
    }
    knobs[knob] = value;
  }
  if (Object.keys(knobs).length === 0) return name;
  return { name, ...knobs } as StrategyOption;
}

/** The budget: the think time, and the token and node limits when given. */
export function buildBudget(flags: ThinkFlags): BudgetInput {
  return {
    time: flags.think,
    ...(flags.tokens === undefined ? {} : { tokens: flags.tokens }),
    ...(flags.nodes === undefined ? {} : { nodes: flags.nodes }),
  };
}
