import { createRandom, shuffle } from "../random.js";
import { type SudokuGrid, solveSudoku } from "./grid.js";

/** Options of {@link generateSudokuPuzzles}. */
export interface GenerateSudokuOptions {
  /** @default 10 */
  readonly count?: number;
  /** @default 0 */
  readonly seed?: number;
  /** Blanks to aim for; cells stay filled when removing them would allow a second solution. @default 10 */
  readonly blanks?: number;
}

const BASE = "1234341221434321";

function permuteSolution(random: () => number): SudokuGrid {
  const digits = shuffle(random, ["1", "2", "3", "4"]);
  const bands = shuffle(random, [0, 1]);
  const rows = bands.flatMap((b) => shuffle(random, [b * 2, b * 2 + 1]));
  const stacks = shuffle(random, [0, 1]);
  const cols = stacks.flatMap((s) => shuffle(random, [s * 2, s * 2 + 1]));
  let grid = "";
  for (const r of rows) for (const c of cols) grid += digits[Number(BASE[r * 4 + c]) - 1];
  return grid;
}

/**
 * Seeded 4×4 sudoku puzzles, each with exactly one solution.
 *
 * @example
 * ```ts
 * const [first] = generateSudokuPuzzles({ count: 1, seed: 7 });
 * first.puzzle; // e.g. "1..4.3....1.4..2"
 * ```
 */
export function generateSudokuPuzzles(
  options: GenerateSudokuOptions = {},
): { puzzle: SudokuGrid; solution: SudokuGrid }[] {
  const random = createRandom(options.seed ?? 0);
  const target = Math.min(Math.max(options.blanks ?? 10, 0), 16);
  return Array.from({ length: options.count ?? 10 }, () => {
    const solution = permuteSolution(random);
    let puzzle = solution;
    let blanks = 0;
    for (const i of shuffle(random, [...Array(16).keys()])) {
      if (blanks >= target) break;
      const candidate = `${puzzle.slice(0, i)}.${puzzle.slice(i + 1)}`;
      if (solveSudoku(candidate, 2).length === 1) {
        puzzle = candidate;
        blanks++;
      }
    }
    return { puzzle, solution };
  });
}
