import { DeliberateError } from "@deliberate/core";

/**
 * Stable codes of {@link LlamaError}. Apps and the CLI branch on `code`, never on the message.
 */
export type LlamaErrorCode =
  | "MODEL_NOT_FOUND"
  | "NOT_GGUF"
  | "UNSUPPORTED_ARCHITECTURE"
  | "MODEL_TOO_BIG"
  | "DOWNLOAD_FAILED"
  | "OFFLINE"
  | "INVALID_OPTION"
  | "LOAD_FAILED"
  | "GENERATION_FAILED"
  | "ABORTED"
  /** `gpu` named a backend (cuda, vulkan, metal) that cannot run on this machine. */
  | "BACKEND_UNAVAILABLE"
  /** `builtin:<name>` names no registered model and no installed package registers it. */
  | "UNKNOWN_BUILTIN"
  /** A prompt longer than the context (`contextSize`): refused before anything is evaluated. */
  | "CONTEXT_OVERFLOW";

/**
 * The one error class of `@deliberate/llama`. Its message says what was expected, what came,
 * and what the user can do about it; the underlying error, if any, is kept as `cause`. A
 * {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try {
 *   await inspectModelFile("model.gguf");
 * } catch (error) {
 *   if (error instanceof LlamaError && error.code === "MODEL_NOT_FOUND") console.error(error.message);
 * }
 * ```
 */
export class LlamaError extends DeliberateError<LlamaErrorCode> {
  override readonly name = "LlamaError";
}

/** Tells whether `error` is a {@link LlamaError}, optionally of one of the given codes. */
export function isLlamaError(error: unknown, ...codes: LlamaErrorCode[]): error is LlamaError {
  return error instanceof LlamaError && (codes.length === 0 || codes.includes(error.code));
}
