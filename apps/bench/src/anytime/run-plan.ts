import type { MethodSpec } from "./method-spec.js";
import type { SetPuzzle } from "./puzzle-set.js";
import { formatRecordKey } from "./run-record.js";

/** One think() to run: a method on a puzzle at a budget and seed. */
export interface PuzzleJob {
  readonly method: MethodSpec;
  /** The method's name in rows: its spec, with `/shared` in a shared run. */
  readonly name: string;
  readonly budgetMs: number;
  readonly seed: number;
  readonly puzzle: SetPuzzle;
}

/** What a run covers. */
export interface PlanInput {
  readonly methods: readonly MethodSpec[];
  readonly budgetsMs: readonly number[];
  readonly seeds: readonly number[];
  readonly puzzles: readonly SetPuzzle[];
  readonly set: string;
  readonly shared: boolean;
}

/** The name a method's rows carry. */
export function nameMethod(method: MethodSpec, shared: boolean): string {
  return shared ? `${method.id}/shared` : method.id;
}

/**
 * Every job of a run, minus those whose row is already in `done` (keys of
 * {@link formatRecordKey}). Ordered budget, seed, puzzle, method: a run stopped half-way leaves
 * every method on the same puzzles, so its rows still pair.
 */
export function planPuzzleJobs(input: PlanInput, done: ReadonlySet<string>): PuzzleJob[] {
  const jobs: PuzzleJob[] = [];
  for (const budgetMs of input.budgetsMs)
    for (const seed of input.seeds)
      for (const puzzle of input.puzzles)
        for (const method of input.methods) {
          const name = nameMethod(method, input.shared);
          const key = formatRecordKey({
            method: name,
            budgetMs,
            seed,
            set: input.set,
            puzzle: puzzle.id,
          });
          if (!done.has(key)) jobs.push({ method, name, budgetMs, seed, puzzle });
        }
  return jobs;
}

/**
 * The jobs of a shared run grouped by method, budget and seed: each group is one thinkMany over
 * its puzzles. A group runs again whole when any of its puzzles has no row yet.
 */
export function groupSharedJobs(jobs: readonly PuzzleJob[], input: PlanInput): PuzzleJob[][] {
  const groups = new Map<string, PuzzleJob[]>();
  for (const job of jobs) groups.set(`${job.name}|${job.budgetMs}|${job.seed}`, []);
  for (const budgetMs of input.budgetsMs)
    for (const seed of input.seeds)
      for (const method of input.methods) {
        const name = nameMethod(method, true);
        const group = groups.get(`${name}|${budgetMs}|${seed}`);
        if (group)
          for (const puzzle of input.puzzles) group.push({ method, name, budgetMs, seed, puzzle });
      }
  return [...groups.values()];
}
