import {
  type EvaluatorOption,
  type Model,
  type StopReason,
  type StrategyOption,
  type ThinkOptions,
  think,
} from "@deliberate/core";
import {
  buildGame24SinglePassPrompt,
  createGame24Task,
  extractGame24Answer,
} from "@deliberate/tasks";
import { game24Check } from "@deliberate/tools";
import { createFinalCheckEvaluator } from "./final-check-evaluator.js";
import { createRandomEvaluator } from "./random-evaluator.js";

/** How one puzzle is attempted; every method runs through deliberate's own engine or Model seam. */
export type Game24Method =
  /** The compact whole-trace prompt `4 9 10 13 >`, decoded greedily in one call: the model's CoT. */
  | { readonly name: "trace-greedy" }
  /** The engine's `greedy` strategy: one chain of legal steps at temperature 0, no evaluation. */
  | { readonly name: "greedy" }
  /**
   * ToT-BFS: `width` states kept a depth, `branching` sampled steps each, ranked by the model's
   * P(word); with `check`, states of two numbers are judged exactly instead (one operation left).
   */
  | {
      readonly name: "beam";
      readonly width: number;
      readonly branching: number;
      readonly check?: boolean;
    }
  /** The same beam ranked at random: what the model's value judgments add. */
  | { readonly name: "beam-random"; readonly width: number; readonly branching: number }
  /** `samples` independent sampled chains; the exact checker picks a correct answer if one exists. */
  | { readonly name: "best-of-n"; readonly samples: number }
  /** Depth-first with ToT's value threshold, at most `nodes` nodes; `check` as for `beam`. */
  | {
      readonly name: "dfs";
      readonly branching: number;
      readonly threshold: number;
      readonly nodes: number;
      readonly check?: boolean;
    }
  /** MCTS (UCT) over the model's values, at most `nodes` nodes; `check` as for `beam`. */
  | {
      readonly name: "mcts";
      readonly branching: number;
      readonly nodes: number;
      readonly check?: boolean;
    };

/** What one attempt cost and whether it solved the puzzle. */
export interface Game24Attempt {
  readonly puzzle: readonly number[];
  readonly answer?: string;
  /** The answer checked exactly against the puzzle's numbers, whatever the search claimed. */
  readonly solved: boolean;
  /** Whether the method itself said its answer was verified. */
  readonly claimed: boolean;
  /** Why the engine's search stopped; absent for `trace-greedy`, which is one call, not a search. */
  readonly stopReason?: StopReason;
  readonly generatedTokens: number;
  readonly evaluatedPromptTokens: number;
  readonly calls: number;
  readonly ms: number;
}

function toStrategy(method: Game24Method): StrategyOption {
  if (method.name === "beam" || method.name === "beam-random") {
    return { name: "beam", width: method.width, branching: method.branching };
  }
  if (method.name === "best-of-n") return { name: "best-of-n", samples: method.samples };
  if (method.name === "dfs") {
    return { name: "dfs", branching: method.branching, threshold: method.threshold };
  }
  if (method.name === "mcts") return { name: "mcts", branching: method.branching };
  return "greedy";
}

function chooseEvaluator(method: Game24Method, seed: number): EvaluatorOption {
  if (method.name === "beam-random") return createRandomEvaluator(seed);
  if (method.name === "beam" || method.name === "dfs" || method.name === "mcts") {
    return method.check === true
      ? createFinalCheckEvaluator()
      : { name: "value", probabilities: true };
  }
  return "verifier";
}

async function runTraceGreedy(model: Model, puzzle: readonly number[]): Promise<Game24Attempt> {
  const started = Date.now();
  const prompt = buildGame24SinglePassPrompt(puzzle, "compact", "cot");
  const reply = await model.generate({
    ...prompt,
    maxTokens: prompt.maxTokens ?? 96,
    temperature: 0,
  });
  const answer = extractGame24Answer(reply.completions[0]?.text ?? "", puzzle, "compact");
  const solved = answer !== undefined && game24Check(answer, [...puzzle]).ok;
  return {
    puzzle,
    answer,
    solved,
    claimed: solved,
    generatedTokens: reply.usage.generatedTokens,
    evaluatedPromptTokens: reply.usage.evaluatedPromptTokens,
    calls: reply.usage.calls,
    ms: Date.now() - started,
  };
}

/**
 * Attempts one Game-of-24 puzzle with the compact profile, seeded. Search methods use the model's
 * own value judgments (`beam`) or the exact checker on finished answers only (`best-of-n`); the
 * answer is checked again here, exactly, so a count of solved puzzles never trusts the engine.
 *
 * @example
 * ```ts
 * const attempt = await attemptGame24(model, [4, 9, 10, 13], { name: "beam", width: 5, branching: 8 }, 1);
 * attempt.solved; // true when the answer makes 24 from exactly these numbers
 * ```
 */
export async function attemptGame24(
  model: Model,
  puzzle: readonly number[],
  method: Game24Method,
  seed: number,
  extra: Partial<ThinkOptions> = {},
): Promise<Game24Attempt> {
  if (method.name === "trace-greedy") return runTraceGreedy(model, puzzle);
  const result = await think(createGame24Task(puzzle, { profile: "compact" }), {
    model,
    strategy: toStrategy(method),
    evaluator: chooseEvaluator(method, seed),
    seed,
    ...(method.name === "dfs" || method.name === "mcts" ? { budget: { nodes: method.nodes } } : {}),
    // These rows measure each method's fixed shape: it ends when the shape does, never restarts.
    onExhausted: "stop",
    ...extra,
  });
  const solved = result.answer !== undefined && game24Check(result.answer, [...puzzle]).ok;
  return {
    puzzle,
    answer: result.answer,
    solved,
    claimed: result.verified === true,
    stopReason: result.stopReason,
    generatedTokens: result.usage.generatedTokens,
    evaluatedPromptTokens: result.usage.evaluatedPromptTokens,
    calls: result.usage.calls,
    ms: result.usage.elapsedMs,
  };
}
