import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { calculate } from "../calculator/evaluate.js";
import { game24Check } from "../game24-check.js";
import { type RunJavaScriptOptions, runJavaScript } from "../sandbox/run-javascript.js";
import { observeToolCall } from "./observation.js";

/**
 * The calculator as a LangChain tool. Its content is `7/3 (≈ 2.3333333333)` or
 * `Error (CODE): message`; its artifact is a {@link ToolObservation}. Tool errors never throw.
 *
 * @example
 * ```ts
 * const calculator = createCalculatorTool();
 * await calculator.invoke({ expression: "1/3 + 1/6" }); // "1/2 (≈ 0.5)"
 * ```
 */
export function createCalculatorTool() {
  return tool(
    ({ expression }) =>
      observeToolCall(
        () => calculate(expression),
        (r) => (r.exact === r.decimal ? r.exact : `${r.exact} (≈ ${r.decimal})`),
      ),
    {
      name: "calculator",
      description:
        "Evaluates arithmetic exactly with fractions: numbers, + - * / and parentheses. Returns the exact value.",
      schema: z.object({ expression: z.string().describe("for example (13 - 9) * (10 - 4)") }),
      responseFormat: "content_and_artifact",
    },
  );
}

/**
 * The Game-of-24 checker as a LangChain tool: content `correct: …` or `incorrect: reason`.
 *
 * @example
 * ```ts
 * await createGame24CheckTool().invoke({ expression: "8 / (3 - 8 / 3)", numbers: [3, 3, 8, 8] });
 * // "correct: 8 / (3 - 8 / 3) = 24"
 * ```
 */
export function createGame24CheckTool() {
  return tool(
    ({ expression, numbers }) =>
      observeToolCall(
        () => game24Check(expression, numbers),
        (v) =>
          v.ok ? `correct: ${expression.split("=")[0]?.trim()} = 24` : `incorrect: ${v.reason}`,
      ),
    {
      name: "game24_check",
      description:
        "Checks a Game-of-24 answer exactly: uses each given number once, only + - * / and parentheses, equals 24.",
      schema: z.object({
        expression: z.string().describe("for example (13 - 9) * (10 - 4)"),
        numbers: z.array(z.number().int().nonnegative()).min(1).max(8),
      }),
      responseFormat: "content_and_artifact",
    },
  );
}

/**
 * Sandboxed JavaScript as a LangChain tool. Content: the printed output, then `value: …`; limits
 * come from `options` and each run gets a fresh sandbox.
 *
 * @example
 * ```ts
 * await createJavaScriptTool({ timeoutMs: 500 }).invoke({ code: "2 ** 10" }); // "value: 1024"
 * ```
 */
export function createJavaScriptTool(options: RunJavaScriptOptions = {}) {
  return tool(
    // The caller's signal (a search that stops, a tool call abandoned at its timeout) stops the
    // sandbox too, instead of leaving it to run to its own time limit.
    ({ code }, config) =>
      observeToolCall(
        () => runJavaScript(code, { ...options, signal: config?.signal ?? options.signal }),
        (run) => `${run.output}value: ${run.value}`,
      ),
    {
      name: "run_javascript",
      description:
        "Runs JavaScript in an isolated sandbox with no I/O and strict time and memory limits. Returns console output and the last expression's value.",
      schema: z.object({ code: z.string() }),
      responseFormat: "content_and_artifact",
    },
  );
}
