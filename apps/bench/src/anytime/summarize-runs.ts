import { collectGreedyTimes, compareToGreedyTime, type GreedyTimeRatio } from "./greedy-time.js";
import type { RunRecord } from "./run-record.js";
import {
  bootstrapClusterMean,
  computeMean,
  computeWilsonInterval,
  type Interval,
  testMcNemarExact,
} from "./statistics.js";

/** One method against the reference at the same budget, on the (puzzle, seed) pairs both ran. */
export interface PairedComparison {
  readonly reference: string;
  readonly pairs: number;
  /** Mean over puzzles of (method solved − reference solved), averaged over the paired seeds. */
  readonly difference: number;
  /** Bootstrap over puzzles, seeds kept together. */
  readonly interval: Interval;
  /** Pairs the method solved and the reference did not (b), and the other way round (c). */
  readonly b: number;
  readonly c: number;
  /** Exact McNemar on b and c pooled over seeds. */
  readonly p: number;
  readonly perSeed: readonly { seed: number; b: number; c: number; p: number }[];
}

/** A method at one budget over its puzzles and seeds: a line of the summary. */
export interface SummaryRow {
  readonly method: string;
  readonly budgetMs: number;
  readonly seeds: readonly number[];
  readonly puzzles: number;
  readonly runs: number;
  /** Mean over puzzles of the share of seeds that solved it (= mean of the seeds' rates when complete). */
  readonly successRate: number;
  /** Bootstrap over puzzles (2,000 resamples, seeds kept together): the interval the table shows. */
  readonly interval: Interval;
  /** Wilson on the pooled count, for reference: it treats seeds of a puzzle as independent. */
  readonly wilson: Interval;
  readonly perSeed: readonly { seed: number; solved: number; puzzles: number }[];
  readonly secondsPerPuzzle: number;
  readonly workTokensPerPuzzle: number;
  readonly totalTokensPerPuzzle: number;
  readonly stopReasons: Readonly<Record<string, number>>;
  readonly comparison?: PairedComparison;
  /** Wall time against greedy's on the puzzles greedy solved, when a `greedy` method ran. */
  readonly greedyTime?: GreedyTimeRatio;
}

const solvedOf = (record: RunRecord) => (record.solved ? 1 : 0);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function compareToReference(
  rows: readonly RunRecord[],
  reference: readonly RunRecord[],
  name: string,
): PairedComparison {
  const theirs = new Map(reference.map((r) => [`${r.puzzle}|${r.seed}`, r]));
  const pairs = rows.flatMap((r) => {
    const other = theirs.get(`${r.puzzle}|${r.seed}`);
    return other
      ? [{ puzzle: r.puzzle, seed: r.seed, mine: solvedOf(r), theirs: solvedOf(other) }]
      : [];
  });
  const count = (list: typeof pairs, mine: number) =>
    list.filter((p) => p.mine === mine && p.theirs !== mine).length;
  const clusters = [...groupBy(pairs, (p) => p.puzzle).values()].map((list) =>
    list.map((p) => p.mine - p.theirs),
  );
  const b = count(pairs, 1);
  const c = count(pairs, 0);
  const perSeed = [...groupBy(pairs, (p) => String(p.seed)).values()].map((list) => {
    const [sb, sc] = [count(list, 1), count(list, 0)];
    return { seed: list[0]?.seed ?? 0, b: sb, c: sc, p: testMcNemarExact(sb, sc) };
  });
  return {
    reference: name,
    pairs: pairs.length,
    difference: computeMean(clusters.map(computeMean)),
    interval: bootstrapClusterMean(clusters),
    b,
    c,
    p: testMcNemarExact(b, c),
    perSeed: perSeed.sort((x, y) => x.seed - y.seed),
  };
}

function summarizeGroup(
  records: readonly RunRecord[],
  greedyTimes: ReadonlyMap<string, number>,
): Omit<SummaryRow, "comparison"> {
  const greedyTime = compareToGreedyTime(records, greedyTimes);
  const first = records[0] as RunRecord;
  const clusters = [...groupBy(records, (r) => r.puzzle).values()].map((list) =>
    list.map(solvedOf),
  );
  const bySeed = [...groupBy(records, (r) => String(r.seed)).values()];
  const stopReasons: Record<string, number> = {};
  for (const r of records) stopReasons[r.stopReason] = (stopReasons[r.stopReason] ?? 0) + 1;
  return {
    method: first.method,
    budgetMs: first.budgetMs,
    seeds: bySeed.map((list) => list[0]?.seed ?? 0).sort((a, b) => a - b),
    puzzles: clusters.length,
    runs: records.length,
    successRate: computeMean(clusters.map(computeMean)),
    interval: bootstrapClusterMean(clusters),
    wilson: computeWilsonInterval(records.filter((r) => r.solved).length, records.length),
    perSeed: bySeed
      .map((list) => ({
        seed: list[0]?.seed ?? 0,
        solved: list.filter((r) => r.solved).length,
        puzzles: list.length,
      }))
      .sort((a, b) => a.seed - b.seed),
    secondsPerPuzzle: computeMean(records.map((r) => r.seconds)),
    workTokensPerPuzzle: computeMean(records.map((r) => r.workTokens)),
    totalTokensPerPuzzle: computeMean(records.map((r) => r.totalTokens)),
    stopReasons,
    ...(greedyTime === undefined || records[0]?.method === "greedy" ? {} : { greedyTime }),
  };
}

/**
 * Sums rows into one line per method and budget (methods in the order they first appear, budgets
 * ascending), each compared with `reference` at the same budget when the reference ran there.
 * Rows that repeat a (method, budget, seed, set, puzzle) should be removed before (see the command).
 */
export function summarizeRuns(records: readonly RunRecord[], reference: string): SummaryRow[] {
  const methods = [...new Set(records.map((r) => r.method))];
  const groups = groupBy(records, (r) => `${r.method}|${r.budgetMs}`);
  const rows: SummaryRow[] = [];
  const greedyTimes = collectGreedyTimes(records);
  for (const method of methods) {
    const budgets = [...new Set(records.filter((r) => r.method === method).map((r) => r.budgetMs))];
    for (const budgetMs of budgets.sort((a, b) => a - b)) {
      const mine = groups.get(`${method}|${budgetMs}`) ?? [];
      const theirs = groups.get(`${reference}|${budgetMs}`);
      const row = summarizeGroup(mine, greedyTimes);
      rows.push(
        method === reference || !theirs
          ? row
          : { ...row, comparison: compareToReference(mine, theirs, reference) },
      );
    }
  }
  return rows;
}
