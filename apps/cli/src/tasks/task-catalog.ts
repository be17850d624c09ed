/** The task flags of `solve`. */
export interface TaskFlags {
  readonly profile?: "paper" | "compact";
  readonly pruneDeadEnds?: boolean;
  readonly answer?: string;
}

/** A task `deliberate solve` knows, described without loading the tasks package. */
export interface TaskEntry {
  readonly name: string;
  readonly summary: string;
  /** What the input looks like, for help and errors. */
  readonly example: string;
  /** Task flags that apply to it. */
  readonly flags: readonly (keyof TaskFlags)[];
}

/** The tasks of `deliberate solve`, by name. */
export const TASKS: readonly TaskEntry[] = [
  {
    name: "game24",
    summary: "Game of 24: combine the numbers with + - * / to make 24",
    example: '"4 9 10 13"',
    flags: ["profile", "pruneDeadEnds"],
  },
  {
    name: "sudoku",
    summary: "4x4 sudoku, rows separated by spaces, blanks as dots",
    example: '"12.. 34.. .... ...."',
    flags: ["pruneDeadEnds"],
  },
  {
    name: "word-problem",
    summary: "arithmetic word problem, each step checked by an exact calculator",
    example: '"Ann has 3 boxes of 12 eggs and uses 5. How many are left?" --answer 31',
    flags: ["answer"],
  },
];

/** The command-line spelling of each task flag, for errors. */
export const TASK_FLAG_NAMES: Readonly<Record<keyof TaskFlags, string>> = {
  profile: "--profile",
  pruneDeadEnds: "--prune-dead-ends",
  answer: "--answer",
};

/** Only the task flags of `flags`, set ones only: what a checkpoint keeps to rebuild the task. */
export function pickTaskFlags(flags: TaskFlags): TaskFlags {
  const picked: { -readonly [K in keyof TaskFlags]: TaskFlags[K] } = {};
  if (flags.profile !== undefined) picked.profile = flags.profile;
  if (flags.pruneDeadEnds !== undefined) picked.pruneDeadEnds = flags.pruneDeadEnds;
  if (flags.answer !== undefined) picked.answer = flags.answer;
  return picked;
}
