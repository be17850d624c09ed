import { DeliberateError } from "@deliberate/core";

/** Stable codes of {@link GuardError}. Callers branch on `code`, never on the message. */
export type GuardErrorCode = "INVALID_OPTION" | "GUARD_FAILED";

/**
 * The one error class of `@deliberate/guards`. Its message says what was expected and what came.
 * A guard that flags an input does not throw: it returns a failing verdict. This error is for a
 * guard built with bad options, or one that could not reach a verdict (its scorer threw). A
 * {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try { await runGuards(guards, input); }
 * catch (error) {
 *   if (error instanceof GuardError && error.code === "GUARD_FAILED") console.error(error.guard);
 * }
 * ```
 */
export class GuardError extends DeliberateError<GuardErrorCode> {
  override readonly name = "GuardError";
  /** Name of the guard the error is about, when there is one. */
  readonly guard: string | undefined;

  constructor(
    code: GuardErrorCode,
    message: string,
    options: { guard?: string; cause?: unknown } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.guard = options.guard;
  }
}
