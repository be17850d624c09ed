import { DeliberateError } from "@deliberate/core";

/** Stable codes of {@link ToolError}. Callers branch on `code`, never on the message. */
export type ToolErrorCode =
  | "INVALID_OPTION"
  | "INVALID_INPUT"
  | "PARSE_ERROR"
  | "DIVISION_BY_ZERO"
  | "TOO_LARGE"
  | "TIMEOUT"
  | "OUT_OF_MEMORY"
  | "OUTPUT_LIMIT"
  | "SCRIPT_ERROR";

/**
 * The one error class of `@deliberate/tools`. Its message says what was expected and what came.
 * A {@link DeliberateError}.
 *
 * @example
 * ```ts
 * try { calculate("2 / (1 - 1)"); }
 * catch (error) {
 *   if (error instanceof ToolError && error.code === "DIVISION_BY_ZERO") console.error(error.position);
 * }
 * ```
 */
export class ToolError extends DeliberateError<ToolErrorCode> {
  override readonly name = "ToolError";
  /** 0-based character offset in the input the error is about, when there is one. */
  readonly position: number | undefined;

  constructor(
    code: ToolErrorCode,
    message: string,
    options: { position?: number; cause?: unknown } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.position = options.position;
  }
}
