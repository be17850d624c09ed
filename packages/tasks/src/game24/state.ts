import { compareFractions, formatFraction, parseFraction } from "@deliberate/tools";
import { TaskError } from "../errors.js";

/** How an expression binds, to parenthesize it only where needed when it becomes an operand. */
export type ExpressionKind = "atom" | "sum" | "product";

/** One number left: its exact value and the expression over puzzle numbers that made it. */
export interface Game24Number {
  /** Exact value as JSON-friendly text: `"4"`, `"-6"`, `"7/3"`. */
  readonly value: string;
  readonly expression: string;
  readonly kind: ExpressionKind;
}

/** The state of a Game-of-24 search: plain JSON, saved in the tree. */
export interface Game24State {
  /** The numbers the puzzle started with. */
  readonly puzzle: readonly number[];
  /** The numbers left, ascending by value; each carries the expression that built it. */
  readonly left: readonly Game24Number[];
}

const PUZZLE_TEXT = /^\s*\d+(?:[\s,]+\d+)*\s*$/;

/**
 * Reads a puzzle: `"4 9 10 13"`, `"4,9,10,13"` or `[4, 9, 10, 13]`, two to six integers 0–9999.
 * Anything else throws an `INVALID_PUZZLE` {@link TaskError}.
 */
export function parseGame24Puzzle(puzzle: string | readonly number[]): number[] {
  let numbers: number[];
  if (typeof puzzle === "string") {
    if (!PUZZLE_TEXT.test(puzzle)) {
      throw new TaskError(
        "INVALID_PUZZLE",
        `Expected the puzzle as integers separated by spaces, like "4 9 10 13", got ${JSON.stringify(puzzle.slice(0, 60))}`,
      );
    }
    numbers = puzzle
      .trim()
      .split(/[\s,]+/)
      .map(Number);
  } else if (Array.isArray(puzzle)) {
    numbers = [...puzzle];
  } else {
    throw new TaskError(
      "INVALID_PUZZLE",
      `Expected the puzzle as a string or an array of numbers, got ${typeof puzzle}`,
    );
  }
  const valid = numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= 9999);
  if (!valid || numbers.length < 2 || numbers.length > 6) {
    throw new TaskError(
      "INVALID_PUZZLE",
      `Expected two to six integers from 0 to 9999, got ${JSON.stringify(numbers).slice(0, 60)}`,
    );
  }
  return numbers;
}

/** Sorts numbers left ascending by exact value; equal values keep their order. */
export function sortGame24Numbers(left: readonly Game24Number[]): Game24Number[] {
  return [...left].sort((a, b) => compareFractions(parseFraction(a.value), parseFraction(b.value)));
}

/** The state a puzzle starts from. */
export function createGame24State(puzzle: string | readonly number[]): Game24State {
  const numbers = parseGame24Puzzle(puzzle);
  const left = numbers.map((n) => ({
    value: String(n),
    expression: String(n),
    kind: "atom" as const,
  }));
  return { puzzle: numbers, left: sortGame24Numbers(left) };
}

/** Numbers left as the prompts show them: `"4 4 10"`, fractions as `7/3`. */
export function formatGame24Numbers(values: readonly string[]): string {
  return values.join(" ");
}

/**
 * A key naming the multiset of numbers left, independent of how they were reached:
 * `"4 4 10"`. Two states with equal keys have the same future.
 */
export function getGame24StateKey(state: Game24State | readonly string[]): string {
  const values = "left" in state ? state.left.map((n) => n.value) : state;
  return values.map(parseFraction).sort(compareFractions).map(formatFraction).join(" ");
}
