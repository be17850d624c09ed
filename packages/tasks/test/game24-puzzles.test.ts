import { describe, expect, it } from "vitest";
import {
  buildGame24SinglePassPrompt,
  canReachGame24,
  createGame24State,
  enumerateReachableGame24States,
  extractGame24Answer,
  findGame24SolutionMoves,
  formatGame24CompactProposal,
  formatGame24CompactTrace,
  formatGame24CompactValue,
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

describe("compact training lines", () => {
  it("writes proposals, values and whole traces in the tiny reasoner's format", () => {
    const state = createGame24State("4 9 10 13");
    const moves = findGame24SolutionMoves(state);
    expect(moves).toHaveLength(3);
    const trace = formatGame24CompactTrace(state, moves ?? []);
    expect(trace).toMatch(/^4 9 10 13 > .+ \| 24$/);
    expect(extractGame24Answer(trace.slice("4 9 10 13 >".length), "4 9 10 13", "compact")).toMatch(
      / = 24$/,
    );
    const first = moves?.[0];
    if (first)
      expect(formatGame24CompactProposal(state, first)).toMatch(
        /^4 9 10 13 \| \S+=\S+ \| [\d /-]+$/,
      );
    expect(formatGame24CompactValue(createGame24State("4 4 10"), "sure")).toBe("4 4 10 : sure");
    expect(findGame24SolutionMoves("1 1 1 1")).toBeUndefined();
    expect(findGame24SolutionMoves("3 3 8 8", { integerOnly: true })).toBeUndefined();
  });
});

describe("single-pass prompts", () => {
  it("extracts the answer of a paper IO or CoT reply", () => {
    const prompt = buildGame24SinglePassPrompt("4 9 10 13", "paper", "cot");
    expect(prompt.segments.map((s) => s.text).join("")).toMatch(/Input: 4 9 10 13\n$/);
    const reply =
      "Steps:\n13 - 9 = 4 (left: 4 4 10)\n10 - 4 = 6 (left: 4 6)\n4 * 6 = 24 (left: 24)\nAnswer: (13 - 9) * (10 - 4) = 24";
    expect(extractGame24Answer(reply, "4 9 10 13", "paper")).toBe("(13 - 9) * (10 - 4) = 24");
    expect(extractGame24Answer("I give up", "4 9 10 13", "paper")).toBeUndefined();
    expect(
      extractGame24Answer(" 13-9=5 | 5 4 10 > 5*4=20", "4 9 10 13", "compact"),
    ).toBeUndefined();
  });
});
