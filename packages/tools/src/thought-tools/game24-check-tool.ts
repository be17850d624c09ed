import type { ThoughtTool } from "@deliberate/core/task";
import { ToolError } from "../errors.js";
import { type Game24Verdict, game24Check } from "../game24-check.js";
import { TOOL_DESCRIPTIONS } from "./tool-descriptions.js";
import { nameTool, type ToolOptions } from "./tool-options.js";

/** The checker's verdict as a model reads it: `correct: … = 24` or `incorrect: reason`. */
export function formatGame24Verdict(expression: string, verdict: Game24Verdict): string {
  return verdict.ok
    ? `correct: ${expression.split("=")[0]?.trim()} = 24`
    : `incorrect: ${verdict.reason}`;
}

/** Reads the model's line, a JSON object `{ "expression": …, "numbers": […] }`. */
function readCheckInput(input: string): { expression: string; numbers: number[] } {
  let args: unknown;
  try {
    args = JSON.parse(input);
  } catch {
    args = undefined;
  }
  const { expression, numbers } = (args ?? {}) as { expression?: unknown; numbers?: unknown };
  if (typeof expression !== "string" || !Array.isArray(numbers)) {
    throw new ToolError(
      "INVALID_INPUT",
      `Expected a JSON object with the fields expression, numbers, got ${JSON.stringify(input.slice(0, 80))}`,
    );
  }
  return { expression, numbers };
}

/**
 * The Game-of-24 checker as a thought tool. The model writes one JSON object with the answer and
 * the puzzle's numbers; the tool answers `correct: … = 24` or `incorrect: reason`.
 *
 * @example
 * ```ts
 * const check = createGame24CheckTool({ name: "game24" });
 * await check.call('{"expression": "(13 - 9) * (10 - 4)", "numbers": [4, 9, 10, 13]}', { signal });
 * // "correct: (13 - 9) * (10 - 4) = 24"
 * ```
 */
export function createGame24CheckTool(options: ToolOptions = {}): ThoughtTool {
  const naming = nameTool(
    {
      name: "game24_check",
      description: `${TOOL_DESCRIPTIONS.game24Check} Input: a JSON object with the fields expression, numbers.`,
    },
    options,
  );
  return {
    ...naming,
    async call(input) {
      const { expression, numbers } = readCheckInput(input);
      return formatGame24Verdict(expression, game24Check(expression, numbers));
    },
  };
}
