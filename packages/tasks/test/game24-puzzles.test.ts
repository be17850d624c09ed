import { describe, expect, it } from "vitest";
import {
  canReachGame24,
  enumerateReachableGame24States,
  generateGame24Puzzles,
  getGame24StateKey,
  loadGame24TestSet,
  parseGame24TestSet,
  TaskError,
} from "../src/index.js";

describe("loadGame24TestSet", () => {
  it("reads the 100 ToT test puzzles, ranks 901 to 1000", () => {
    const cases = loadGame24TestSet();
    expect(cases).toHaveLength(100);
    expect(cases[0]).toEqual({ rank: 901, puzzle: [4, 5, 6, 10], humanSolvedRate: 0.903 });
    expect(cases.at(-1)?.rank).toBe(1000);
  });

  it("holds puzzles all solvable with whole numbers only", () => {
    const cases = loadGame24TestSet();
    expect(
      cases.filter((c) => !canReachGame24(c.puzzle.map(String), { integerOnly: true })),
    ).toEqual([]);
  });

  it("refuses a malformed file with a TaskError naming the line", () => {
    expect(() => parseGame24TestSet("rank,puzzle\n1,1 2 3 4,5%")).toThrow(TaskError);
    expect(() => parseGame24TestSet("rank,puzzle,human_solved_rate\n901,4 5 x 10,90%")).toThrow(
      TaskError,
    );
    expect(() => parseGame24TestSet("rank,puzzle,human_solved_rate\n901,4 5 6 10")).toThrow(
      /line 2/,
    );
  });
});

describe("generateGame24Puzzles", () => {
  it("gives the same distinct solvable puzzles for the same seed", () => {
    const a = generateGame24Puzzles({ count: 50, seed: 3 });
    expect(generateGame24Puzzles({ count: 50, seed: 3 })).toEqual(a);
    expect(generateGame24Puzzles({ count: 50, seed: 4 })).not.toEqual(a);
    expect(new Set(a.map((p) => p.join(" "))).size).toBe(50);
    expect(a.every((p) => canReachGame24(p.map(String)))).toBe(true);
  });

  it("leaves out excluded puzzles", () => {
    const test = loadGame24TestSet().map((c) => c.puzzle);
    const all = generateGame24Puzzles({ count: 1262, exclude: test });
    const testKeys = new Set(test.map((p) => p.join(" ")));
    expect(all.some((p) => testKeys.has(p.join(" ")))).toBe(false);
    expect(() => generateGame24Puzzles({ count: 1263, exclude: test })).toThrow(/≤ 1262/);
    expect(() => generateGame24Puzzles({ count: -1 })).toThrow(TaskError);
  });
});

describe("enumerateReachableGame24States", () => {
  it("contains the puzzles and every state a legal move sequence reaches", () => {
    const reached = enumerateReachableGame24States([[4, 9, 10, 13]]);
    for (const key of ["4 9 10 13", "4 4 10", "4 6", "24", "-3 4 9", "4/9 10 13"])
      expect(reached.has(key), key).toBe(true);
    expect(reached.has("1 1 1")).toBe(false);
  });

  it("covers what the test set can reach", () => {
    const reached = enumerateReachableGame24States(loadGame24TestSet().map((c) => c.puzzle));
    expect(reached.size).toBe(26163);
    expect(reached.has(getGame24StateKey(["10", "6", "5", "4"]))).toBe(true);
  });
});
