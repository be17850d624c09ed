import { calculate, game24Check } from "@deliberate/tools";
import { describe, expect, it } from "vitest";
import {
  canReachGame24,
  findGame24Solution,
  listGame24Puzzles,
  listSolvableGame24Puzzles,
  solveGame24,
} from "../src/index.js";

// An independent brute force in floating point: enough to tell solvable from unsolvable for
// numbers this small, and sharing no code with the exact solver.
function floatSolvable(values: number[]): boolean {
  if (values.length === 1) return Math.abs((values[0] as number) - 24) < 1e-9;
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values.length; j++) {
      if (i === j) continue;
      const a = values[i] as number;
      const b = values[j] as number;
      const rest = values.filter((_, k) => k !== i && k !== j);
      const made = [a + b, a - b, a * b];
      if (b !== 0) made.push(a / b);
      if (made.some((m) => floatSolvable([...rest, m]))) return true;
    }
  }
  return false;
}

const solvable = listSolvableGame24Puzzles();

describe("Game-of-24 solver", () => {
  it("finds 1362 solvable puzzles of 1820, 1346 with whole numbers only", () => {
    expect(listGame24Puzzles()).toHaveLength(1820);
    expect(solvable).toHaveLength(1362);
    expect(listSolvableGame24Puzzles({ integerOnly: true })).toHaveLength(1346);
  });

  it("agrees with an independent brute force on all 1820 puzzles", () => {
    const keys = new Set(solvable.map((p) => p.join(" ")));
    const disagreements = listGame24Puzzles().filter(
      (p) => floatSolvable(p) !== keys.has(p.join(" ")),
    );
    expect(disagreements).toEqual([]);
  });

  it("gives a solution game24Check and the calculator accept for each of the 1362 puzzles", () => {
    const failures = solvable.filter((puzzle) => {
      const expression = findGame24Solution(puzzle);
      if (expression === undefined) return true;
      return !game24Check(expression, puzzle).ok || calculate(expression).exact !== "24";
    });
    expect(failures).toEqual([]);
  });

  it("lists every solution of a puzzle, each verified", () => {
    expect(solveGame24([3, 3, 8, 8])).toEqual(["8 / (3 - 8 / 3)"]);
    const solutions = solveGame24("4 9 10 13");
    expect(solutions).toContain("(13 - 9) * (10 - 4)");
    for (const s of solutions) expect(game24Check(s, [4, 9, 10, 13]).ok).toBe(true);
    expect(solveGame24("1 1 1 1")).toEqual([]);
    expect(solveGame24("1 5 5 5", { integerOnly: true })).toEqual([]);
    expect(solveGame24("1 5 5 5")).toEqual(["(5 - 1 / 5) * 5"]);
  });

  it("tells whether the numbers left can still make 24", () => {
    expect(canReachGame24(["4", "4", "10"])).toBe(true);
    expect(canReachGame24(["1/3", "8"])).toBe(true);
    expect(canReachGame24(["24"])).toBe(true);
    expect(canReachGame24(["1", "1", "1"])).toBe(false);
    expect(canReachGame24(["1", "2"], { target: 3 })).toBe(true);
    expect(findGame24Solution("1 1 1 1")).toBeUndefined();
  });
});
