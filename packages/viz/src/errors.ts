import { DeliberateError } from "@deliberate/core";

/** Stable codes of {@link VizError}. Callers branch on `code`, never on the message. */
export type VizErrorCode = "INVALID_OPTION" | "LISTEN_FAILED" | "QUESTIONS_DIFFER";

/**
 * The one error class of `@deliberate/viz`. Its message says what was expected and what came.
 * A {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try { await startLiveServer({ host: "0.0.0.0" }); }
 * catch (error) { if (error instanceof VizError && error.code === "INVALID_OPTION") console.error(error.message); }
 * ```
 */
export class VizError extends DeliberateError<VizErrorCode> {
  override readonly name = "VizError";
}
