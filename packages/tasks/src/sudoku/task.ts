import type { Task } from "@deliberate/core";
import type { TaskPrompt } from "@deliberate/core/task";
import {
  findSudokuConflict,
  formatSudokuGrid,
  listSudokuCandidates,
  parseSudokuGrid,
  type SudokuGrid,
  solveSudoku,
} from "./grid.js";

/** The state of a sudoku search: the grid so far. */
export interface SudokuState {
  readonly grid: SudokuGrid;
}

/** Options of {@link createSudokuTask}. */
export interface SudokuTaskOptions {
  /** Constrain step prompts with a grammar of the placements legal on the grid. @default true */
  readonly constrainSteps?: boolean;
  /**
   * Let `verify` score a grid 0 when the solver proves it has no completion. Without it only a
   * blank with no digit left counts as a dead end. A perfect dead-end detector: for tests and
   * upper-bound runs, not a fair benchmark. @default false
   */
  readonly pruneDeadEnds?: boolean;
}

const STEP = /^\s*r\s*([1-4])\s*c\s*([1-4])\s*[=:]\s*([1-4])\s*$/i;
const RULES =
  "Fill the 4x4 sudoku so that every row, every column and every 2x2 box holds 1, 2, 3 and 4 once. Blanks are dots.\n";

function listPlacements(grid: SudokuGrid): string[] {
  return [...Array(16).keys()].flatMap((i) =>
    listSudokuCandidates(grid, i).map((d) => `r${Math.floor(i / 4) + 1}c${(i % 4) + 1}=${d}`),
  );
}

function buildStepPrompt(grid: SudokuGrid, constrain: boolean): TaskPrompt {
  const placements = listPlacements(grid);
  const grammar = `root ::= ${placements.map((p) => `"${p}"`).join(" | ") || '""'}\n`;
  return {
    segments: [
      { text: RULES, trusted: true },
      { text: `Grid:\n${formatSudokuGrid(grid)}\nNext placement, as rNcM=D:\n`, trusted: true },
    ],
    stop: ["\n"],
    maxTokens: 12,
    constraint: constrain ? { kind: "gbnf", grammar } : undefined,
  };
}

/**
 * A 4×4 sudoku: each step places one digit (`r2c3=4`); a full grid is the answer, verified exactly
 * against the rules and the givens.
 *
 * @example
 * ```ts
 * const task = createSudokuTask("12.. 34.. .... ....");
 * task.applyStep("r1c3=3", { state: task.initialState, path: [], depth: 0 }).kind; // "step"
 * ```
 */
export function createSudokuTask(
  puzzle: string,
  options: SudokuTaskOptions = {},
): Task<SudokuState> {
  const givens = parseSudokuGrid(puzzle);
  const constrain = options.constrainSteps ?? true;
  const isSolved = (grid: string) =>
    /^[1-4]{16}$/.test(grid) &&
    findSudokuConflict(grid) === undefined &&
    [...givens].every((c, i) => c === "." || grid[i] === c);
  return {
    name: "sudoku4",
    question: `Solve the 4x4 sudoku:\n${formatSudokuGrid(givens)}`,
    initialState: { grid: givens },
    maxDepth: [...givens].filter((c) => c === ".").length,
    stepPrompt: (node) => buildStepPrompt(node.state.grid, constrain),
    applyStep(text, node) {
      const match = STEP.exec(typeof text === "string" ? (text.split("\n")[0] ?? "") : "");
      if (match === null)
        return {
          kind: "invalid",
          reason: `expected a placement like "r2c3=4", got ${JSON.stringify(String(text).slice(0, 40))}`,
        };
      const [, row = "", col = "", digit = ""] = match;
      const index = (Number(row) - 1) * 4 + (Number(col) - 1);
      const grid = node.state.grid;
      if (grid[index] !== ".")
        return {
          kind: "invalid",
          reason: `expected a blank cell, got r${row}c${col} = ${grid[index]}`,
        };
      if (!listSudokuCandidates(grid, index).includes(digit)) {
        return {
          kind: "invalid",
          reason: `expected a digit not yet in row ${row}, column ${col} or its box, got ${digit}`,
        };
      }
      const next = `${grid.slice(0, index)}${digit}${grid.slice(index + 1)}`;
      const thought = `r${row}c${col}=${digit}`;
      if (!next.includes("."))
        return { kind: "answer", state: { grid: next }, answer: formatSudokuGrid(next), thought };
      return { kind: "step", state: { grid: next }, thought };
    },
    valuePrompt: (node) => ({
      segments: [
        { text: RULES, trusted: true },
        {
          text: `Grid:\n${formatSudokuGrid(node.state.grid)}\nCan this grid still be completed (sure/likely/impossible)?\n`,
          trusted: true,
        },
      ],
      maxTokens: 4,
      constraint: { kind: "choice", options: ["sure", "likely", "impossible"] },
    }),
    verify(node, answer) {
      const grid = answer === undefined ? node.state.grid : answer.replace(/\s/g, "");
      if (!grid.includes(".") && grid.length === 16) return isSolved(grid) ? 1 : 0;
      const stuck = [...grid].some(
        (c, i) => c === "." && listSudokuCandidates(grid, i).length === 0,
      );
      if (stuck || (options.pruneDeadEnds === true && solveSudoku(grid, 1).length === 0)) return 0;
      return undefined;
    },
  };
}
