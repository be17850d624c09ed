import { canReachGame24, getGame24StateKey, loadGame24TestSet } from "@deliberate/tasks";
import { describe, expect, it } from "vitest";
import { drawTunePuzzles, loadPuzzleSet } from "../src/anytime/puzzle-set.js";
import { AnytimeUsageError } from "../src/anytime/usage-error.js";

const keyOf = (numbers: readonly number[]) => getGame24StateKey(numbers.map(String));

describe("drawTunePuzzles", () => {
  it("never holds a test puzzle, and every puzzle can make 24", () => {
    const test = new Set(loadGame24TestSet().map((c) => keyOf(c.puzzle)));
    const tune = drawTunePuzzles(1262, 7);
    expect(tune).toHaveLength(1262);
    expect(new Set(tune.map(keyOf)).size).toBe(1262);
    for (const puzzle of tune) {
      expect(test.has(keyOf(puzzle))).toBe(false);
      expect(canReachGame24(puzzle.map(String))).toBe(true);
    }
  });

  it("draws the same puzzles for the same seed, a prefix for a smaller count, others for another seed", () => {
    expect(drawTunePuzzles(50, 7)).toEqual(drawTunePuzzles(50, 7));
    expect(drawTunePuzzles(50, 7).slice(0, 10)).toEqual(drawTunePuzzles(10, 7));
    expect(drawTunePuzzles(10, 8)).not.toEqual(drawTunePuzzles(10, 7));
  });
});

describe("loadPuzzleSet", () => {
  it("takes the test set by rank, sliced by first and count", () => {
    const puzzles = loadPuzzleSet({ set: "test", first: 2, count: 3 });
    expect(puzzles.map((p) => p.index)).toEqual([2, 3, 4]);
    expect(puzzles[0]?.id).toMatch(/^903: /);
    expect(loadPuzzleSet({ set: "test" })).toHaveLength(100);
  });

  it("names tune puzzles by their place in the draw", () => {
    const puzzles = loadPuzzleSet({ set: "tune", first: 1, count: 2, setSeed: 7 });
    const drawn = drawTunePuzzles(3, 7);
    expect(puzzles.map((p) => p.numbers)).toEqual(drawn.slice(1));
    expect(puzzles[0]?.id).toBe(`t2: ${drawn[1]?.join(" ")}`);
  });

  it("refuses a slice outside the set", () => {
    expect(() => loadPuzzleSet({ set: "test", first: 99, count: 2 })).toThrow(AnytimeUsageError);
    expect(() => loadPuzzleSet({ set: "tune", count: 1263 })).toThrow(AnytimeUsageError);
  });
});
