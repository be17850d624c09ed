/**
 * Stable codes of {@link DeliberateError}. Apps branch on `code`, never on the message.
 */
export type DeliberateErrorCode =
  | "INVALID_OPTION"
  | "INVALID_TASK"
  | "INVALID_TREE"
  | "INVALID_SNAPSHOT"
  | "MODEL_ERROR"
  | "MODEL_TIMEOUT"
  | "ABORTED"
  | "SEARCH_STATE";

/**
 * The one error class of `@deliberate/core`. Its message says what was expected and what came.
 *
 * @example
 * ```ts
 * try { await think("", { model }); }
 * catch (error) {
 *   if (error instanceof DeliberateError && error.code === "INVALID_OPTION") console.error(error.field);
 * }
 * ```
 */
export class DeliberateError extends Error {
  override readonly name = "DeliberateError";
  readonly code: DeliberateErrorCode;
  /** Dotted path of the offending option or field, when the error is about one. */
  readonly field: string | undefined;

  constructor(
    code: DeliberateErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/** Describes a value for an error message: `0 (number)`, `"abc" (string)`, `undefined`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `${JSON.stringify(shown)} (string)`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return `${String(value)} (${typeof value})`;
}
