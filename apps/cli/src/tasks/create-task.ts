import type { Task } from "@deliberate/core";
import {
  createGame24Task,
  createSudokuTask,
  createWordProblemTask,
  parseGame24Puzzle,
} from "@deliberate/tasks";
import { createUsageError } from "../cli-error.js";
import { TASK_FLAG_NAMES, TASKS, type TaskFlags } from "./task-catalog.js";

const FACTORIES: Readonly<Record<string, (input: string, flags: TaskFlags) => Task<unknown>>> = {
  game24: (input, flags) =>
    createGame24Task(checkFourNumbers(input), {
      ...(flags.profile ? { profile: flags.profile } : {}),
      ...(flags.pruneDeadEnds ? { pruneDeadEnds: true } : {}),
    }) as Task<unknown>,
  sudoku: (input, flags) =>
    createSudokuTask(input, flags.pruneDeadEnds ? { pruneDeadEnds: true } : {}) as Task<unknown>,
  "word-problem": (input, flags) =>
    createWordProblemTask(
      input,
      flags.answer === undefined ? {} : { answer: flags.answer },
    ) as Task<unknown>,
};

/**
 * Creates the task `name` names from its input. An unknown task, or a task flag the task has no
 * use for, is a usage error that lists what would work; a malformed puzzle is the task's own error.
 */
export function createTask(name: string, input: string, flags: TaskFlags): Task<unknown> {
  const entry = TASKS.find((task) => task.name === name);
  const create = FACTORIES[name];
  if (!entry || !create) {
    throw createUsageError(
      `Expected a task name (${TASKS.map((task) => task.name).join(", ")}), got "${name}".`,
    );
  }
  for (const key of Object.keys(TASK_FLAG_NAMES) as (keyof TaskFlags)[]) {
    if (flags[key] !== undefined && !entry.flags.includes(key)) {
      throw createUsageError(`${TASK_FLAG_NAMES[key]} does not apply to task ${entry.name}.`);
    }
  }
  return create(input, flags);
}

/**
 * The Game of 24 is four numbers. The task itself reads two to six (states along a path hold
 * fewer, and the library is more general), so the command line holds a puzzle to four: three or
 * five numbers are a mistake to say at once, not a search to run.
 */
function checkFourNumbers(input: string): string {
  const numbers = parseGame24Puzzle(input);
  if (numbers.length !== 4) {
    throw createUsageError(
      `Expected four numbers for game24 (the Game of 24 makes 24 from four numbers with + - * /), got ${numbers.length}: ${JSON.stringify(input.trim().slice(0, 60))}. Pass four, like "4 9 10 13".`,
    );
  }
  return input;
}
