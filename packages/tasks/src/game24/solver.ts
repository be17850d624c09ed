import {
  applyOperator,
  equalFractions,
  type Fraction,
  formatFraction,
  isIntegerFraction,
  makeFraction,
  OPERATORS,
  parseFraction,
} from "@deliberate/tools";
import { applyGame24Move, listGame24Moves } from "./moves.js";
import { createGame24State, type Game24State, getGame24StateKey } from "./state.js";

/** Rules a solver follows. */
export interface Game24SolverOptions {
  /** Only steps whose result is a whole number ≥ 0 (no fractions, no negatives). @default false */
  readonly integerOnly?: boolean;
  /** @default 24 */
  readonly target?: number;
}

function isAllowed(value: Fraction, integerOnly: boolean): boolean {
  return !integerOnly || (isIntegerFraction(value) && value.num >= 0n);
}

/** The values one step can make from `values`: every pair, both orders, every operator. */
export function listGame24Successors(
  values: readonly Fraction[],
  integerOnly = false,
): Fraction[][] {
  const next: Fraction[][] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values.length; j++) {
      if (i === j) continue;
      const rest = values.filter((_, k) => k !== i && k !== j);
      for (const op of OPERATORS) {
        if (i > j && (op === "+" || op === "*")) continue;
        const made = applyOperator(values[i] as Fraction, op, values[j] as Fraction);
        if (made !== undefined && isAllowed(made, integerOnly)) next.push([...rest, made]);
      }
    }
  }
  return next;
}

// Shared across calls so that listing every solvable puzzle reuses the sub-results; cleared
// when it grows past a bound so a long-running process cannot grow it without limit.
const memos = new Map<string, Map<string, boolean>>();
const MEMO_LIMIT = 500_000;

function getMemo(rules: string): Map<string, boolean> {
  let memo = memos.get(rules);
  if (memo === undefined || memo.size > MEMO_LIMIT) {
    memo = new Map();
    memos.set(rules, memo);
  }
  return memo;
}

/**
 * Whether `values` (exact fractions as text, e.g. `["4", "7/3"]`) can still make the target.
 * Memoized by multiset, so checking all 1,820 puzzles takes well under a second.
 *
 * @example
 * ```ts
 * canReachGame24(["4", "4", "10"]); // true: (10 - 4) * 4
 * canReachGame24(["1", "1", "1"]); // false
 * ```
 */
export function canReachGame24(
  values: readonly string[],
  options: Game24SolverOptions = {},
): boolean {
  const integerOnly = options.integerOnly ?? false;
  const target = makeFraction(options.target ?? 24);
  const memo = getMemo(`${integerOnly} ${formatFraction(target)}`);
  const search = (current: readonly Fraction[]): boolean => {
    if (current.length === 1) return equalFractions(current[0] as Fraction, target);
    const key = getGame24StateKey(current.map(formatFraction));
    const known = memo.get(key);
    if (known !== undefined) return known;
    const found = listGame24Successors(current, integerOnly).some(search);
    memo.set(key, found);
    return found;
  };
  return search(values.map(parseFraction));
}

/**
 * Every distinct solution of a puzzle, as expressions over its numbers (`"(13 - 9) * (10 - 4)"`),
 * found by trying every legal move sequence; solutions that differ only in the order of
 * commutative operands are kept once per written form the moves produce.
 *
 * @example
 * ```ts
 * solveGame24([3, 3, 8, 8]); // ["8 / (3 - 8 / 3)"]
 * ```
 */
export function solveGame24(
  puzzle: string | readonly number[],
  options: Game24SolverOptions = {},
): string[] {
  const integerOnly = options.integerOnly ?? false;
  const target = formatFraction(makeFraction(options.target ?? 24));
  const solutions = new Set<string>();
  const dead = new Set<string>();
  const search = (state: Game24State): void => {
    const only = state.left[0];
    if (state.left.length === 1 && only !== undefined) {
      if (only.value === target) solutions.add(only.expression);
      return;
    }
    const key = getGame24StateKey(state);
    if (dead.has(key)) return;
    const before = solutions.size;
    for (const move of listGame24Moves(state)) {
      if ((move.op === "+" || move.op === "*") && move.first > move.second) continue;
      if (!isAllowed(parseFraction(move.result), integerOnly)) continue;
      search(applyGame24Move(state, move));
    }
    if (
      solutions.size === before &&
      !canReachGame24(
        state.left.map((n) => n.value),
        options,
      )
    )
      dead.add(key);
  };
  search(createGame24State(puzzle));
  return [...solutions].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One solution of a puzzle, or `undefined`; guided by {@link canReachGame24}, so it never
 * backtracks and is fast enough to run on every puzzle.
 *
 * @example
 * ```ts
 * findGame24Solution("4 9 10 13"); // "4 * (10 - 13 + 9)" or another valid expression
 * ```
 */
export function findGame24Solution(
  puzzle: string | readonly number[],
  options: Game24SolverOptions = {},
): string | undefined {
  const integerOnly = options.integerOnly ?? false;
  let state = createGame24State(puzzle);
  if (
    !canReachGame24(
      state.left.map((n) => n.value),
      options,
    )
  )
    return undefined;
  while (state.left.length > 1) {
    const current = state;
    const move = listGame24Moves(current).find((m) => {
      if (!isAllowed(parseFraction(m.result), integerOnly)) return false;
      return canReachGame24(
        applyGame24Move(current, m).left.map((n) => n.value),
        options,
      );
    });
    if (move === undefined) return undefined;
    state = applyGame24Move(current, move);
  }
  return state.left[0]?.expression;
}
