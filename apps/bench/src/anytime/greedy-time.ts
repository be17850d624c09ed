import type { RunRecord } from "./run-record.js";

/** How long a method took on the puzzles the greedy pass solves, against greedy's own time. */
export interface GreedyTimeRatio {
  /** Rows of the method on puzzles greedy solved. */
  readonly runs: number;
  /** Of those, rows that ended within twice greedy's wall time on the puzzle. */
  readonly withinTwice: number;
  /** Of those, rows the method solved too. */
  readonly solved: number;
  readonly medianRatio: number;
  readonly maxRatio: number;
}

/**
 * Greedy's wall seconds on each puzzle it solved, from rows of the method named `greedy`: its
 * first row per puzzle (greedy decodes at temperature 0, so its seed does not matter).
 */
export function collectGreedyTimes(records: readonly RunRecord[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const record of records)
    if (record.method === "greedy" && !times.has(record.puzzle))
      times.set(record.puzzle, record.solved ? record.seconds : Number.NaN);
  for (const [puzzle, seconds] of times) if (Number.isNaN(seconds)) times.delete(puzzle);
  return times;
}

/**
 * The "puzzles that the greedy pass solves finish in ≤ 2× greedy's time": each row's wall
 * seconds over greedy's on the same puzzle. `undefined` when greedy solved none of these puzzles.
 */
export function compareToGreedyTime(
  records: readonly RunRecord[],
  greedyTimes: ReadonlyMap<string, number>,
): GreedyTimeRatio | undefined {
  const rows = records.filter((r) => greedyTimes.has(r.puzzle));
  if (rows.length === 0) return undefined;
  const ratios = rows
    .map((r) => r.seconds / Math.max(greedyTimes.get(r.puzzle) ?? 0, 1e-3))
    .sort((a, b) => a - b);
  const middle = ratios.length / 2;
  const median = Number.isInteger(middle)
    ? ((ratios[middle - 1] ?? 0) + (ratios[middle] ?? 0)) / 2
    : (ratios[Math.floor(middle)] ?? 0);
  return {
    runs: rows.length,
    withinTwice: ratios.filter((ratio) => ratio <= 2).length,
    solved: rows.filter((r) => r.solved).length,
    medianRatio: median,
    maxRatio: ratios.at(-1) ?? 0,
  };
}
