import { readFileSync } from "node:fs";
import { TaskError } from "../errors.js";
import { parseGame24Puzzle } from "./state.js";

/** One puzzle of the ToT paper's test set. */
export interface Game24TestCase {
  /** Rank in the 4nums.com list, ordered by how long people take (901–1000). */
  readonly rank: number;
  readonly puzzle: number[];
  /** Share of people who solved it, 0–1. */
  readonly humanSolvedRate: number;
}

const TEST_SET_URL = new URL("../../data/game24-tot-test.csv", import.meta.url);

/** Reads `rank,puzzle,human_solved_rate` lines such as `901,4 5 6 10,90.30%`. */
export function parseGame24TestSet(csv: string): Game24TestCase[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [header, ...rows] = lines;
  if (header?.trim() !== "rank,puzzle,human_solved_rate") {
    throw new TaskError(
      "INVALID_DATA",
      `Expected the header "rank,puzzle,human_solved_rate", got ${JSON.stringify(header)}`,
    );
  }
  return rows.map((row, i) => {
    const [rank, puzzle, rate] = row.split(",");
    const parsedRate = Number.parseFloat(rate ?? "");
    if (
      !/^\d+$/.test(rank ?? "") ||
      puzzle === undefined ||
      !/^\d+(\.\d+)?%$/.test(rate?.trim() ?? "")
    ) {
      throw new TaskError(
        "INVALID_DATA",
        `Expected line ${i + 2} as "rank,a b c d,NN.NN%", got ${JSON.stringify(row)}`,
      );
    }
    return {
      rank: Number(rank),
      puzzle: parseGame24Puzzle(puzzle),
      humanSolvedRate: parsedRate / 100,
    };
  });
}

/**
 * The 100 puzzles the ToT paper tests on (ranks 901–1000, among the hardest). A test set: never
 * train or tune on it. GPT-4 on these: IO 7.3%, CoT 4.0%, CoT-SC 9.0%, ToT b=1 45%, ToT b=5 74%.
 *
 * @example
 * ```ts
 * loadGame24TestSet()[0]; // { rank: 901, puzzle: [4, 5, 6, 10], humanSolvedRate: 0.903 }
 * ```
 */
export function loadGame24TestSet(): Game24TestCase[] {
  return parseGame24TestSet(readFileSync(TEST_SET_URL, "utf8"));
}
