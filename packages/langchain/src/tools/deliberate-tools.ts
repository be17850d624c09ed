import {
  calculate,
  formatCalculation,
  formatGame24Verdict,
  formatJavaScriptRun,
  game24Check,
  type RunJavaScriptOptions,
  runJavaScript,
  TOOL_DESCRIPTIONS,
} from "@deliberate/tools";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { observeToolCall } from "./observe-tool-call.js";

/**
 * The calculator of `@deliberate/tools` as a LangChain tool, for a LangChain agent. Its content is
 * `7/3 (≈ 2.3333333333)` or `Error (CODE): message`; its artifact is a {@link ToolObservation}.
 * Tool errors never throw. Inside a search, give the task `createCalculatorTool()` of
 * `@deliberate/tools` instead: it needs no LangChain.
 *
 * @example
 * ```ts
 * const calculator = createLangChainCalculatorTool();
 * await calculator.invoke({ expression: "1/3 + 1/6" }); // "1/2 (≈ 0.5)"
 * ```
 */
export function createLangChainCalculatorTool() {
  return tool(({ expression }) => observeToolCall(() => calculate(expression), formatCalculation), {
    name: "calculator",
    description: TOOL_DESCRIPTIONS.calculator,
    schema: z.object({ expression: z.string().describe("for example (13 - 9) * (10 - 4)") }),
    responseFormat: "content_and_artifact",
  });
}

/**
 * The Game-of-24 checker of `@deliberate/tools` as a LangChain tool: content `correct: …` or
 * `incorrect: reason`.
 *
 * @example
 * ```ts
 * await createLangChainGame24CheckTool().invoke({ expression: "8 / (3 - 8 / 3)", numbers: [3, 3, 8, 8] });
 * // "correct: 8 / (3 - 8 / 3) = 24"
 * ```
 */
export function createLangChainGame24CheckTool() {
  return tool(
    ({ expression, numbers }) =>
      observeToolCall(
        () => game24Check(expression, numbers),
        (verdict) => formatGame24Verdict(expression, verdict),
      ),
    {
      name: "game24_check",
      description: TOOL_DESCRIPTIONS.game24Check,
      schema: z.object({
        expression: z.string().describe("for example (13 - 9) * (10 - 4)"),
        numbers: z.array(z.number().int().nonnegative()).min(1).max(8),
      }),
      responseFormat: "content_and_artifact",
    },
  );
}

/**
 * The sandboxed JavaScript of `@deliberate/tools` as a LangChain tool. Content: the printed
 * output, then `value: …`; limits come from `options` and each run gets a fresh sandbox.
 *
 * @example
 * ```ts
 * await createLangChainJavaScriptTool({ timeoutMs: 500 }).invoke({ code: "2 ** 10" }); // "value: 1024"
 * ```
 */
export function createLangChainJavaScriptTool(options: RunJavaScriptOptions = {}) {
  return tool(
    // The caller's signal (a search that stops, a tool call abandoned at its timeout) stops the
    // sandbox too, instead of leaving it to run to its own time limit.
    ({ code }, config) =>
      observeToolCall(
        () => runJavaScript(code, { ...options, signal: config?.signal ?? options.signal }),
        formatJavaScriptRun,
      ),
    {
      name: "run_javascript",
      description: TOOL_DESCRIPTIONS.javascript,
      schema: z.object({ code: z.string() }),
      responseFormat: "content_and_artifact",
    },
  );
}
