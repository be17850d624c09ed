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
 * The base error class of every deliberate package, and the one error class of
 * `@deliberate/core`. Its message says what was expected and what came; `code` is stable. Each
 * package's own error extends it with its own code union and `name` (`ToolError`, `LlamaError`, …),
 * so `instanceof DeliberateError` or {@link isDeliberateError} tells any of them from a bug.
 *
 * @example
 * ```ts
 * try { await think("", { model }); }
 * catch (error) {
 *   if (error instanceof DeliberateError && error.code === "INVALID_OPTION") console.error(error.field);
 * }
 * ```
 */
export class DeliberateError<Code extends string = DeliberateErrorCode> extends Error {
  // Typed `string` so that each package's class can name itself.
  override readonly name: string = "DeliberateError";
  readonly code: Code;
  /** Dotted path of the offending option or field, when the error is about one. */
  readonly field?: string;

  constructor(code: Code, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
  }
}

/**
 * Tells whether `error` is an error of any deliberate package, optionally of one of `codes`.
 *
 * @example
 * ```ts
 * if (isDeliberateError(error, "INVALID_OPTION", "INVALID_PUZZLE")) exitWithUsage(error.message);
 * ```
 */
export function isDeliberateError<Code extends string = string>(
  error: unknown,
  ...codes: Code[]
): error is DeliberateError<Code> {
  return (
    error instanceof DeliberateError && (codes.length === 0 || codes.includes(error.code as Code))
  );
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
