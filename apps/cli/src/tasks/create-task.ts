import type { Task } from "@deliberate/core";
import { createGame24Task, createSudokuTask, createWordProblemTask } from "@deliberate/tasks";
import { createUsageError } from "../cli-error.js";
import { TASK_FLAG_NAMES, TASKS, type TaskFlags } from "./task-catalog.js";

const FACTORIES: Readonly<Record<string, (input: string, flags: TaskFlags) => Task<unknown>>> = {
  game24: (input, flags) =>
    createGame24Task(input, {
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
