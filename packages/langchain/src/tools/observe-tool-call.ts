import { ToolError, type ToolErrorCode } from "@deliberate/tools";

/** The structured side of a tool's answer (a LangChain `artifact`): a value or an error. */
export type ToolObservation<T> =
  | { readonly ok: true; readonly result: T }
  | { readonly ok: false; readonly code: ToolErrorCode; readonly message: string };

/**
 * Runs a tool body and turns a {@link @deliberate/tools!ToolError | ToolError} into an error
 * observation, so a search branch gets `Error (CODE): message` to read instead of an exception.
 * Other errors are bugs and propagate.
 *
 * @example
 * ```ts
 * await observeToolCall(() => calculate("1 / 0"), formatCalculation);
 * // ["Error (DIVISION_BY_ZERO): …", { ok: false, code: "DIVISION_BY_ZERO", message: "…" }]
 * ```
 */
export async function observeToolCall<T>(
  body: () => T | Promise<T>,
  describe: (result: T) => string,
): Promise<[string, ToolObservation<T>]> {
  try {
    const result = await body();
    return [describe(result), { ok: true, result }];
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return [
      `Error (${error.code}): ${error.message}`,
      { ok: false, code: error.code, message: error.message },
    ];
  }
}
