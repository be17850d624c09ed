import type { ThoughtTool } from "@deliberate/core/task";
import {
  type JavaScriptRun,
  type RunJavaScriptOptions,
  runJavaScript,
} from "../sandbox/run-javascript.js";
import { TOOL_DESCRIPTIONS } from "./tool-descriptions.js";
import { nameTool, type ToolOptions } from "./tool-options.js";

/** A script's run as a model reads it: what it printed, then `value: …`. */
export function formatJavaScriptRun(run: JavaScriptRun): string {
  return `${run.output}value: ${run.value}`;
}

/**
 * Sandboxed JavaScript as a thought tool: the model's line is the code, run in a fresh sandbox
 * within `options`' limits. A limit reached or a script that throws is a {@link ToolError}, read by
 * the branch as `Error (CODE): message`.
 *
 * @example
 * ```ts
 * const javascript = createJavaScriptTool({ name: "javascript", timeoutMs: 500 });
 * await javascript.call("2 ** 10", { signal }); // "value: 1024"
 * ```
 */
export function createJavaScriptTool(
  options: RunJavaScriptOptions & ToolOptions = {},
): ThoughtTool {
  const { name, description, ...limits } = options;
  const naming = nameTool(
    { name: "run_javascript", description: TOOL_DESCRIPTIONS.javascript },
    { name, description },
  );
  return {
    ...naming,
    // The search's signal (it stopped, or the call outlived its timeout) stops the sandbox too,
    // instead of leaving it to run to its own time limit.
    async call(input, { signal }) {
      return formatJavaScriptRun(await runJavaScript(input, { ...limits, signal }));
    },
  };
}
