import { DeliberateError } from "@deliberate/core";

/** Stable codes of {@link EvaluationError}. Callers branch on `code`, never on the message. */
export type EvaluationErrorCode = "INVALID_OPTION" | "INVALID_REPORT" | "ABORTED";

/**
 * The one error class of `@deliberate/eval`: an option the harness cannot use, a report file that
 * does not have the documented shape, or a run cancelled before it finished. Its message says what
 * was expected and what came; `field` names the offending option. A {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try { await runEvaluation({ model, budgets: ["soon"] }); }
 * catch (error) { if (error instanceof EvaluationError) console.error(error.code, error.field); }
 * ```
 */
export class EvaluationError extends DeliberateError<EvaluationErrorCode> {
  override readonly name = "EvaluationError";
}
