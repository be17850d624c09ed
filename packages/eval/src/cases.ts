import type { Task } from "@deliberate/core";
import type { TaskPrompt } from "@deliberate/core/task";
import {
  buildGame24SinglePassPrompt,
  createGame24Task,
  extractGame24Answer,
  type Game24Profile,
  generateGame24Puzzles,
  loadGame24TestSet,
  parseGame24Puzzle,
} from "@deliberate/tasks";
import { game24Check } from "@deliberate/tools";
import { EvaluationError } from "./errors.js";

/** The single-pass baselines: `io` answers at once, `cot` writes its steps first. */
export type SinglePassStyle = "io" | "cot";

/**
 * One problem of an evaluation, seen from both sides: as a task for the search, and as one
 * prompt for the single-pass baselines, with the exact check that decides whether it was solved.
 */
export interface EvaluationCase {
  /** Stable name in reports, e.g. `901: 4 5 6 10`. */
  readonly id: string;
  /** The problem as a person would type it, e.g. `4 5 6 10`. */
  readonly input: string;
  /** A fresh task each run: tasks may keep per-search caches. */
  createTask(): Task<unknown>;
  /** The one-call prompt of the IO (`io`) or chain-of-thought (`cot`) baseline. */
  buildSinglePassPrompt(style: SinglePassStyle): TaskPrompt;
  /** The answer in a single-pass reply, or `undefined` when it holds none. */
  extractAnswer(reply: string): string | undefined;
  /** Whether an answer is exactly right. */
  checkAnswer(answer: string): boolean;
}

/** Where Game-of-24 cases come from. */
export type Game24CaseSource = "tot" | "random";

/** Options of {@link createGame24Cases}. */
export interface Game24CaseOptions {
  /** How many cases. @default 5 */
  readonly count?: number;
  /** `paper`: the ToT paper's few-shot prompts; `compact`: one line a step. @default "paper" */
  readonly profile?: Game24Profile;
  /**
   * `tot`: the ToT paper's 100 test puzzles in rank order (the hardest of 4nums.com);
   * `random`: solvable puzzles drawn with `seed`, none of them from that test set.
   * @default "tot"
   */
  readonly source?: Game24CaseSource;
  /** Seed of the draw when `source` is `random`. @default 0 */
  readonly seed?: number;
  /** Puzzles of your own, such as `"4 9 10 13"`; they replace `count` and `source`. */
  readonly puzzles?: readonly (string | readonly number[])[];
}

function createGame24Case(puzzle: readonly number[], id: string, profile: Game24Profile) {
  const input = puzzle.join(" ");
  return {
    id,
    input,
    createTask: () => createGame24Task(puzzle, { profile }) as Task<unknown>,
    buildSinglePassPrompt: (style: SinglePassStyle) =>
      buildGame24SinglePassPrompt(puzzle, profile, style),
    extractAnswer: (reply: string) => extractGame24Answer(reply, puzzle, profile),
    checkAnswer: (answer: string) => game24Check(answer, puzzle).ok,
  } satisfies EvaluationCase;
}

/**
 * Game-of-24 cases: by default the first `count` puzzles of the ToT paper's test set, the set its
 * GPT-4 figures were measured on.
 *
 * @example
 * ```ts
 * const cases = createGame24Cases({ count: 3, profile: "compact" });
 * cases[0].id; // "901: 4 5 6 10"
 * ```
 */
export function createGame24Cases(options: Game24CaseOptions = {}): EvaluationCase[] {
  const profile = options.profile ?? "paper";
  if (options.puzzles) {
    return options.puzzles.map((puzzle) => {
      const numbers = parseGame24Puzzle(puzzle);
      return createGame24Case(numbers, numbers.join(" "), profile);
    });
  }
  const count = options.count ?? 5;
  const testSet = loadGame24TestSet();
  if (!Number.isInteger(count) || count < 1) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected \`cases\` to be an integer ≥ 1, got ${count}`,
      {
        field: "cases",
      },
    );
  }
  if (options.source === "random") {
    const exclude = testSet.map((test) => test.puzzle);
    return generateGame24Puzzles({ count, seed: options.seed ?? 0, exclude }).map((puzzle, i) =>
      createGame24Case(puzzle, `r${i + 1}: ${puzzle.join(" ")}`, profile),
    );
  }
  if (count > testSet.length) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected \`cases\` ≤ ${testSet.length} (the ToT test set), got ${count}`,
      { field: "cases" },
    );
  }
  return testSet
    .slice(0, count)
    .map((test) =>
      createGame24Case(test.puzzle, `${test.rank}: ${test.puzzle.join(" ")}`, profile),
    );
}
