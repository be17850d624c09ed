import type { ThoughtTool } from "@deliberate/core/task";
import { type Calculation, calculate } from "../calculator/evaluate.js";
import { TOOL_DESCRIPTIONS } from "./tool-descriptions.js";
import { nameTool, type ToolOptions } from "./tool-options.js";

/** The calculator's answer as a model reads it: `7/3 (≈ 2.3333333333)`, or `24` when exact. */
export function formatCalculation(calculation: Calculation): string {
  return calculation.exact === calculation.decimal
    ? calculation.exact
    : `${calculation.exact} (≈ ${calculation.decimal})`;
}

/**
 * The exact calculator as a thought tool: the model's line is the expression. A malformed
 * expression or a division by zero throws its {@link ToolError}, which the branch reads as
 * `Error (CODE): message`.
 *
 * @example
 * ```ts
 * const task = createQuestionTask("What is 17% of 2400?", { tools: [createCalculatorTool()] });
 * // The model may write: Action: calculator[2400 * 17 / 100]   →   408
 * ```
 */
export function createCalculatorTool(options: ToolOptions = {}): ThoughtTool {
  const naming = nameTool(
    { name: "calculator", description: TOOL_DESCRIPTIONS.calculator },
    options,
  );
  return {
    ...naming,
    async call(input) {
      return formatCalculation(calculate(input));
    },
  };
}
