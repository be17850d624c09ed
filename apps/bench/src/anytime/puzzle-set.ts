import { generateGame24Puzzles, loadGame24TestSet } from "@deliberate/tasks";
import { AnytimeUsageError } from "./usage-error.js";

/** One puzzle of a run. */
export interface SetPuzzle {
  /** Position in the whole set (before `--first`): with the seed it fixes the search's seed. */
  readonly index: number;
  /** Stable name in rows: `901: 4 5 6 10` on the test set, `t1: 1 2 3 4` on the tune set. */
  readonly id: string;
  readonly numbers: readonly number[];
}

/** Which puzzles a run takes. */
export interface PuzzleSetOptions {
  /** `test`: the ToT test set (100); `tune`: seeded solvable puzzles outside it. */
  readonly set: "test" | "tune";
  /** Puzzles skipped from the start of the set. @default 0 */
  readonly first?: number;
  /** How many after those; the rest of the test set, or 50 tune puzzles, when absent. */
  readonly count?: number;
  /** Seed of the tune draw. @default 7 */
  readonly setSeed?: number;
}

/**
 * The tune set: `count` distinct solvable puzzles drawn with `seed`, none of them in the ToT test
 * set. Prefix-stable: the first 10 of a draw of 50 are the draw of 10 with the same seed.
 *
 * @example
 * ```ts
 * drawTunePuzzles(50, 7).length; // 50
 * ```
 */
export function drawTunePuzzles(count: number, seed: number): number[][] {
  const exclude = loadGame24TestSet().map((test) => test.puzzle);
  return generateGame24Puzzles({ count, seed, exclude });
}

/**
 * The puzzles of a run in order: the test set by rank, or the tune draw, sliced by `first` and
 * `count`. Throws a usage error for a slice outside the set.
 */
export function loadPuzzleSet(options: PuzzleSetOptions): SetPuzzle[] {
  const first = options.first ?? 0;
  if (options.set === "test") {
    const tests = loadGame24TestSet();
    const count = options.count ?? tests.length - first;
    if (first + count > tests.length || count < 1)
      throw new AnytimeUsageError(
        `Expected --first + --count ≤ ${tests.length} and --count ≥ 1 on the test set, got ${first} + ${count}`,
      );
    return tests.slice(first, first + count).map((test, i) => ({
      index: first + i,
      id: `${test.rank}: ${test.puzzle.join(" ")}`,
      numbers: test.puzzle,
    }));
  }
  const count = options.count ?? 50;
  let drawn: number[][];
  try {
    drawn = drawTunePuzzles(first + count, options.setSeed ?? 7);
  } catch (error) {
    throw new AnytimeUsageError(error instanceof Error ? error.message : String(error));
  }
  return drawn.slice(first).map((numbers, i) => ({
    index: first + i,
    id: `t${first + i + 1}: ${numbers.join(" ")}`,
    numbers,
  }));
}
