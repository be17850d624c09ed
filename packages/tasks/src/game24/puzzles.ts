import { type Fraction, formatFraction, parseFraction } from "@deliberate/tools";
import { TaskError } from "../errors.js";
import { createRandom, shuffle } from "../random.js";
import { canReachGame24, type Game24SolverOptions, listGame24Successors } from "./solver.js";
import { getGame24StateKey } from "./state.js";

/**
 * Every multiset of four numbers from 1 to 13 (1,820), ascending within and between puzzles.
 *
 * @example
 * ```ts
 * listGame24Puzzles()[0]; // [1, 1, 1, 1]
 * ```
 */
export function listGame24Puzzles(): number[][] {
  const puzzles: number[][] = [];
  for (let a = 1; a <= 13; a++)
    for (let b = a; b <= 13; b++)
      for (let c = b; c <= 13; c++) for (let d = c; d <= 13; d++) puzzles.push([a, b, c, d]);
  return puzzles;
}

/**
 * The puzzles of {@link listGame24Puzzles} that can make 24: 1,362 with fractions and negatives
 * allowed in between (the 4nums.com list the ToT paper draws from), 1,346 with whole numbers ≥ 0 only.
 */
export function listSolvableGame24Puzzles(options: Game24SolverOptions = {}): number[][] {
  const rules = `${options.integerOnly ?? false} ${options.target ?? 24}`;
  let solvable = solvableByRules.get(rules);
  if (solvable === undefined) {
    solvable = listGame24Puzzles().filter((p) => canReachGame24(p.map(String), options));
    solvableByRules.set(rules, solvable);
  }
  return solvable.map((p) => [...p]);
}

const solvableByRules = new Map<string, number[][]>();

/** Options of {@link generateGame24Puzzles}. */
export interface GenerateGame24Options extends Game24SolverOptions {
  /** How many puzzles; at most as many as are solvable. @default 100 */
  readonly count?: number;
  /** @default 0 */
  readonly seed?: number;
  /** Puzzles to leave out, e.g. a test set, as `"4 9 10 13"` or arrays. @default [] */
  readonly exclude?: readonly (string | readonly number[])[];
}

/**
 * A seeded sample of distinct solvable puzzles: the same seed gives the same list.
 *
 * @example
 * ```ts
 * const test = loadGame24TestSet().map((c) => c.puzzle);
 * generateGame24Puzzles({ count: 500, seed: 1, exclude: test });
 * ```
 */
export function generateGame24Puzzles(options: GenerateGame24Options = {}): number[][] {
  const count = options.count ?? 100;
  if (!Number.isInteger(count) || count < 0) {
    throw new TaskError("INVALID_OPTION", `Expected \`count\` to be an integer ≥ 0, got ${count}`);
  }
  const excluded = new Set(
    (options.exclude ?? []).map((p) =>
      getGame24StateKey(typeof p === "string" ? p.trim().split(/\s+/) : p.map(String)),
    ),
  );
  const pool = listSolvableGame24Puzzles(options).filter(
    (p) => !excluded.has(getGame24StateKey(p.map(String))),
  );
  if (count > pool.length) {
    throw new TaskError(
      "INVALID_OPTION",
      `Expected \`count\` ≤ ${pool.length} (the solvable puzzles left), got ${count}`,
    );
  }
  return shuffle(createRandom(options.seed ?? 0), pool).slice(0, count);
}

/**
 * Every state reachable from the puzzles by legal moves, the puzzles themselves included, as
 * multiset keys (`"4 4 10"`, see {@link getGame24StateKey}). A training pipeline drops every
 * example whose numbers-left key is in this set to keep a test set unseen.
 *
 * @example
 * ```ts
 * const seen = enumerateReachableGame24States(loadGame24TestSet().map((c) => c.puzzle));
 * seen.has("4 4 10"); // true if some test puzzle can reach 4 4 10
 * ```
 */
export function enumerateReachableGame24States(
  puzzles: readonly (readonly number[])[],
): Set<string> {
  const seen = new Set<string>();
  const visit = (values: readonly Fraction[]): void => {
    const key = getGame24StateKey(values.map(formatFraction));
    if (seen.has(key)) return;
    seen.add(key);
    if (values.length > 1) for (const next of listGame24Successors(values)) visit(next);
  };
  for (const puzzle of puzzles) visit(puzzle.map((n) => parseFraction(String(n))));
  return seen;
}
