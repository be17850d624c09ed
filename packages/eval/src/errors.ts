/** Stable codes of {@link EvaluationError}. Callers branch on `code`, never on the message. */
export type EvaluationErrorCode = "INVALID_OPTION" | "INVALID_REPORT" | "ABORTED";

/**
 * The one error class of `@deliberate/eval`: an option the harness cannot use, a report file that
 * does not have the documented shape, or a run cancelled before it finished. Its message says what
 * was expected and what came.
 *
 * @example
 * ```ts
 * try { await runEvaluation({ model, budgets: ["soon"] }); }
 * catch (error) { if (error instanceof EvaluationError) console.error(error.code, error.field); }
 * ```
 */
export class EvaluationError extends Error {
  override readonly name = "EvaluationError";
  readonly code: EvaluationErrorCode;
  /** Dotted path of the offending option, when the error is about one. */
  readonly field: string | undefined;

  constructor(
    code: EvaluationErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}
