import {
  type Model,
  type Result,
  type ThinkManyOptions,
  type ThinkOptions,
  think,
  thinkMany,
} from "@deliberate/core";
import { createGame24Task } from "@deliberate/tasks";
import { game24Check } from "@deliberate/tools";
import type { MethodSpec } from "./method-spec.js";
import type { PuzzleJob } from "./run-plan.js";
import type { RunRecord } from "./run-record.js";

/** What every row of a run shares: where, when and on what it ran. */
export interface RunContext {
  readonly model: string;
  readonly set: string;
  readonly machine: string;
  readonly commit: string;
  readonly loadAverage: () => number;
}

/** The seed think() gets for a puzzle: distinct per seed and puzzle, equal across methods and budgets. */
export function deriveThinkSeed(seed: number, puzzleIndex: number): number {
  return seed * 100_003 + puzzleIndex;
}

/**
 * The options of one think(): the method's strategy and evaluator (none at all for `default`),
 * the task's default `sample` generator, the time budget (and `@nodes`), the seed, and the spec's
 * extra options passed through unchecked (`onExhausted` before core knows it fails there, loudly).
 */
export function buildThinkOptions(
  method: MethodSpec,
  model: Model,
  budget: { readonly time: number },
  seed: number,
  signal?: AbortSignal,
): ThinkOptions {
  return {
    model,
    ...(method.strategy === undefined ? {} : { strategy: method.strategy }),
    ...(method.evaluator === undefined ? {} : { evaluator: method.evaluator }),
    budget: { time: budget.time, ...(method.nodes === undefined ? {} : { nodes: method.nodes }) },
    seed,
    ...(signal === undefined ? {} : { signal }),
    ...method.extra,
  } as ThinkOptions;
}

function toRecord(
  job: PuzzleJob,
  result: Result,
  context: RunContext,
  run: { readonly startedAt: Date; readonly seconds: number; readonly seed: number },
): RunRecord {
  const answer = result.answer;
  const usage = result.usage;
  return {
    method: job.name,
    shared: job.name.endsWith("/shared"),
    budgetMs: job.budgetMs,
    seed: job.seed,
    thinkSeed: run.seed,
    model: context.model,
    set: context.set,
    puzzleIndex: job.puzzle.index,
    puzzle: job.puzzle.id,
    solved: answer !== undefined && game24Check(answer, [...job.puzzle.numbers]).ok,
    ...(answer === undefined ? {} : { answer }),
    claimed: result.verified === true,
    stopReason: result.stopReason,
    promptTokens: usage.promptTokens,
    evaluatedPromptTokens: usage.evaluatedPromptTokens,
    generatedTokens: usage.generatedTokens,
    workTokens: usage.evaluatedPromptTokens + usage.generatedTokens,
    totalTokens: usage.promptTokens + usage.generatedTokens,
    calls: usage.calls,
    nodes: usage.nodes,
    seconds: run.seconds,
    machine: context.machine,
    loadAverage: context.loadAverage(),
    startedAt: run.startedAt.toISOString(),
    commit: context.commit,
  };
}

/**
 * Runs one puzzle through think() on `createGame24Task(puzzle, { profile: "compact" })` and
 * returns its row, the answer checked exactly here. `undefined` when `signal` stopped it: a search
 * cut short by Ctrl-C is not a measurement.
 */
export async function runPuzzleJob(
  job: PuzzleJob,
  model: Model,
  context: RunContext,
  signal?: AbortSignal,
): Promise<RunRecord | undefined> {
  const startedAt = new Date();
  const started = performance.now();
  const task = createGame24Task(job.puzzle.numbers, { profile: "compact" });
  const seed = deriveThinkSeed(job.seed, job.puzzle.index);
  const result = await think(
    task,
    buildThinkOptions(job.method, model, { time: job.budgetMs }, seed, signal),
  );
  if (signal?.aborted) return undefined;
  return toRecord(job, result, context, {
    startedAt,
    seconds: (performance.now() - started) / 1000,
    seed,
  });
}

/**
 * Runs a group of puzzles (one method, budget and seed) through one thinkMany sharing
 * `budgetMs × puzzles` of think time, and returns a row per puzzle in input order (`undefined` when
 * `signal` stopped it). Every question gets the same seed, as thinkMany gives it; each row's
 * seconds are the engine's elapsed time for that puzzle. `onFinished` hears each puzzle as it ends.
 */
export async function runSharedGroup(
  group: readonly PuzzleJob[],
  model: Model,
  context: RunContext,
  hooks: { readonly signal?: AbortSignal; readonly onFinished?: (index: number) => void } = {},
): Promise<RunRecord[] | undefined> {
  const first = group[0];
  if (first === undefined) return [];
  const startedAt = new Date();
  const tasks = group.map((job) => createGame24Task(job.puzzle.numbers, { profile: "compact" }));
  const seed = deriveThinkSeed(first.seed, 0);
  const { budget: _perPuzzle, ...options } = buildThinkOptions(
    first.method,
    model,
    { time: 1 },
    seed,
  );
  const reply = await thinkMany(tasks, {
    ...options,
    budget: first.budgetMs * group.length,
    ...(first.method.nodes === undefined ? {} : { perQuestion: { nodes: first.method.nodes } }),
    ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
    onProgress: (event) => {
      if (event.type === "question-finished") hooks.onFinished?.(event.index);
    },
  } as ThinkManyOptions);
  if (hooks.signal?.aborted) return undefined;
  return group.map((job, i) => {
    const result = reply.results[i] as Result;
    return toRecord(job, result, context, {
      startedAt,
      seconds: result.usage.elapsedMs / 1000,
      seed,
    });
  });
}
