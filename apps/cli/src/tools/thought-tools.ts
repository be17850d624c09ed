import type { ThoughtTool } from "@deliberate/core/task";
import { InvalidArgumentError } from "commander";

/** The tools `--tools` may name, as the model calls them. */
export const TOOL_NAMES = ["calculator", "javascript", "game24"] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

/** Reads `--tools calculator,javascript`: known names, each once. */
export function parseToolNames(text: string): ToolName[] {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) {
    throw new InvalidArgumentError(`Expected tool names (${TOOL_NAMES.join(", ")}), got none.`);
  }
  for (const name of names) {
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(
        `Expected tool names from ${TOOL_NAMES.join(", ")}, got "${name}".`,
      );
    }
  }
  return [...new Set(names)] as ToolName[];
}

/**
 * The tools of `@deliberate/tools` as thought tools, under their CLI names. Loaded only when a
 * search asks for them: the JavaScript sandbox is not light.
 */
export async function createThoughtTools(names: readonly ToolName[]): Promise<ThoughtTool[]> {
  const tools = await import("@deliberate/tools");
  const create: Record<ToolName, () => ThoughtTool> = {
    calculator: () => tools.createCalculatorTool(),
    javascript: () => tools.createJavaScriptTool({ name: "javascript" }),
    game24: () => tools.createGame24CheckTool({ name: "game24" }),
  };
  return names.map((name) => create[name]());
}
