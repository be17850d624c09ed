import { TaskError } from "../errors.js";

/** A 4×4 sudoku grid as 16 characters, row by row: `1`–`4` or `.` for a blank. */
export type SudokuGrid = string;

const DIGITS = ["1", "2", "3", "4"] as const;

/**
 * Reads a grid written as 16 cells, blanks as `.`, `0` or `_`, with any spaces, newlines or
 * slashes between rows: `"1.3. / .4.. / ..2. / 3..."`. Throws an `INVALID_PUZZLE` {@link TaskError}.
 */
export function parseSudokuGrid(text: string): SudokuGrid {
  if (typeof text !== "string")
    throw new TaskError("INVALID_PUZZLE", `Expected the grid as text, got ${typeof text}`);
  const cells = text.replace(/[\s/|,]/g, "").replace(/[0_]/g, ".");
  if (!/^[1-4.]{16}$/.test(cells)) {
    throw new TaskError(
      "INVALID_PUZZLE",
      `Expected 16 cells of 1-4 or "." (blank), got ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  if (findSudokuConflict(cells) !== undefined) {
    throw new TaskError(
      "INVALID_PUZZLE",
      `Expected a grid without repeated digits, got ${findSudokuConflict(cells)}`,
    );
  }
  return cells;
}

/** The indices of the cells that share a row, column or 2×2 box with `index`. */
export function listSudokuPeers(index: number): number[] {
  const row = Math.floor(index / 4);
  const col = index % 4;
  const peers: number[] = [];
  for (let i = 0; i < 16; i++) {
    const r = Math.floor(i / 4);
    const c = i % 4;
    const sameBox =
      Math.floor(r / 2) === Math.floor(row / 2) && Math.floor(c / 2) === Math.floor(col / 2);
    if (i !== index && (r === row || c === col || sameBox)) peers.push(i);
  }
  return peers;
}

/** The digits a blank cell may still take. */
export function listSudokuCandidates(grid: SudokuGrid, index: number): string[] {
  if (grid[index] !== ".") return [];
  const used = new Set(listSudokuPeers(index).map((i) => grid[i]));
  return DIGITS.filter((d) => !used.has(d));
}

/** Names the first repeated digit (`"row 2 repeats 3"`), or `undefined` when there is none. */
export function findSudokuConflict(grid: SudokuGrid): string | undefined {
  for (let i = 0; i < 16; i++) {
    const digit = grid[i];
    if (digit === "." || digit === undefined) continue;
    const clash = listSudokuPeers(i).find((p) => p > i && grid[p] === digit);
    if (clash !== undefined)
      return `r${Math.floor(i / 4) + 1}c${(i % 4) + 1} and r${Math.floor(clash / 4) + 1}c${(clash % 4) + 1} both hold ${digit}`;
  }
  return undefined;
}

/** The grid as four lines of four cells, `1 . 3 .`. */
export function formatSudokuGrid(grid: SudokuGrid): string {
  return [0, 1, 2, 3]
    .map((r) =>
      grid
        .slice(r * 4, r * 4 + 4)
        .split("")
        .join(" "),
    )
    .join("\n");
}

/** Up to `limit` solutions of a grid, by backtracking on the cell with fewest candidates. */
export function solveSudoku(grid: SudokuGrid, limit = 2): SudokuGrid[] {
  const solutions: SudokuGrid[] = [];
  const search = (current: string): void => {
    if (solutions.length >= limit) return;
    let best = -1;
    let bestCandidates: string[] = [];
    for (let i = 0; i < 16; i++) {
      if (current[i] !== ".") continue;
      const candidates = listSudokuCandidates(current, i);
      if (best < 0 || candidates.length < bestCandidates.length)
        [best, bestCandidates] = [i, candidates];
    }
    if (best < 0) {
      solutions.push(current);
      return;
    }
    for (const d of bestCandidates)
      search(`${current.slice(0, best)}${d}${current.slice(best + 1)}`);
  };
  if (findSudokuConflict(grid) === undefined) search(grid);
  return solutions;
}
