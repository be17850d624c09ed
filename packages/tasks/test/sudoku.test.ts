import type { TaskNode } from "@deliberate/core/task";
import { describe, expect, it } from "vitest";
import {
  createSudokuTask,
  generateSudokuPuzzles,
  parseSudokuGrid,
  type SudokuState,
  solveSudoku,
  TaskError,
} from "../src/index.js";
import { matchesGbnf } from "./support/gbnf.js";

const PUZZLE = "12.. 34.. .... ....";

describe("createSudokuTask", () => {
  it("solves a puzzle driven by its unique solution, one placement a step", () => {
    const [solution] = solveSudoku(parseSudokuGrid(PUZZLE), 1);
    expect(solution).toBeDefined();
    const task = createSudokuTask(PUZZLE);
    let node: TaskNode<SudokuState> = { state: task.initialState, path: [], depth: 0 };
    let answer: string | undefined;
    for (let i = 0; i < 16; i++) {
      if (node.state.grid[i] !== ".") continue;
      const outcome = task.applyStep(
        `r${Math.floor(i / 4) + 1}c${(i % 4) + 1}=${solution?.[i]}`,
        node,
      );
      if (outcome.kind === "invalid") throw new Error(outcome.reason);
      if (outcome.kind === "answer") answer = outcome.answer;
      node = {
        state: outcome.state,
        path: [...node.path, { text: outcome.thought ?? "" }],
        depth: node.depth + 1,
      };
    }
    expect(node.depth).toBe(task.maxDepth);
    expect(task.verify?.(node, answer)).toBe(1);
  });

  it("marks a filled cell, a clashing digit or junk invalid", () => {
    const task = createSudokuTask(PUZZLE);
    const root = { state: task.initialState, path: [], depth: 0 };
    expect(task.applyStep("r1c1=3", root)).toMatchObject({
      kind: "invalid",
      reason: expect.stringMatching(/blank cell/),
    });
    expect(task.applyStep("r1c3=1", root)).toMatchObject({
      kind: "invalid",
      reason: expect.stringMatching(/got 1/),
    });
    for (const text of ["", "r5c1=1", "place 3", "r1c3=3; r1c4=4"])
      expect(task.applyStep(text, root).kind).toBe("invalid");
    expect(task.applyStep(" R1C3 = 3 ", root).kind).toBe("step");
  });

  it("constrains steps to the legal placements", () => {
    const task = createSudokuTask(PUZZLE);
    const prompt = task.stepPrompt({ state: task.initialState, path: [], depth: 0 });
    const grammar = prompt.constraint?.kind === "gbnf" ? prompt.constraint.grammar : "";
    expect(matchesGbnf(grammar, "r1c3=3")).toBe(true);
    expect(matchesGbnf(grammar, "r1c3=1")).toBe(false);
    expect(matchesGbnf(grammar, "r1c1=3")).toBe(false);
  });

  it("verifies exactly and spots dead ends", () => {
    const task = createSudokuTask(PUZZLE);
    const node = { state: task.initialState, path: [], depth: 0 };
    expect(task.verify?.(node, "1243 3412 2134 4321")).toBe(1);
    expect(task.verify?.(node, "1234 3412 2143 4312")).toBe(0);
    expect(task.verify?.(node, "2134 3412 1243 4321")).toBe(0);
    expect(task.verify?.(node, "abcdefghijklmnop")).toBe(0);
    expect(task.verify?.(node, undefined)).toBeUndefined();
    expect(
      task.verify?.({ ...node, state: { grid: "12.434.........." } }, undefined),
    ).toBeUndefined();
    expect(task.verify?.({ ...node, state: { grid: "12....3.......4." } }, undefined)).toBe(0);
  });

  it("rejects malformed or contradictory grids with a TaskError", () => {
    expect(() => createSudokuTask("123")).toThrow(TaskError);
    expect(() => createSudokuTask("11.. .... .... ....")).toThrow(/both hold 1/);
  });
});

describe("generateSudokuPuzzles", () => {
  it("gives seeded puzzles with exactly one solution", () => {
    const puzzles = generateSudokuPuzzles({ count: 5, seed: 9 });
    expect(generateSudokuPuzzles({ count: 5, seed: 9 })).toEqual(puzzles);
    for (const { puzzle, solution } of puzzles) {
      expect(solveSudoku(puzzle, 2)).toEqual([solution]);
      expect(puzzle.split(".").length - 1).toBeGreaterThanOrEqual(8);
    }
  });
});
