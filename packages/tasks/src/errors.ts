import { DeliberateError } from "@deliberate/core";

/** Stable codes of {@link TaskError}. Callers branch on `code`, never on the message. */
export type TaskErrorCode = "INVALID_PUZZLE" | "INVALID_OPTION" | "INVALID_DATA";

/**
 * The one error class of `@deliberate/tasks`: a puzzle, an option or a data file that a task
 * cannot use. Its message says what was expected and what came. A {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try { createGame24Task("4 9 ten 13"); }
 * catch (error) { if (error instanceof TaskError) console.error(error.code); } // "INVALID_PUZZLE"
 * ```
 */
export class TaskError extends DeliberateError<TaskErrorCode> {
  override readonly name = "TaskError";
}
