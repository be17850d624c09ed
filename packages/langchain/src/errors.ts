import { DeliberateError } from "@deliberate/core";

/** Stable codes of {@link DeliberateLangChainError}. Callers branch on `code`, never on the message. */
export type DeliberateLangChainErrorCode =
  | "INVALID_OPTION"
  | "INVALID_INPUT"
  | "PROVIDER_ERROR"
  | "ABORTED"
  | "NO_ANSWER";

/**
 * The one error class of `@deliberate/langchain`. Its message says what was expected and what
 * came; a provider's own error is kept as `cause`. A {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try { await model.generate(request); }
 * catch (error) {
 *   if (error instanceof DeliberateLangChainError && error.code === "PROVIDER_ERROR") console.error(error.cause);
 * }
 * ```
 */
export class DeliberateLangChainError extends DeliberateError<DeliberateLangChainErrorCode> {
  override readonly name = "DeliberateLangChainError";
}

/** The message of anything thrown, for error text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
