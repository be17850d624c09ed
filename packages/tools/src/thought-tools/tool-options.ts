import { TOOL_NAME } from "@deliberate/core/task";
import { ToolError } from "../errors.js";

/** Options every ready thought tool of `@deliberate/tools` takes. */
export interface ToolOptions {
  /** The name the model calls the tool by. @default the tool's own name */
  readonly name?: string;
  /** What the model reads about the tool. @default the tool's own description */
  readonly description?: string;
}

/**
 * The name and description a tool goes by: the caller's, else its own. A name the one-line call
 * syntax cannot carry is refused here, when the tool is made, not when a model first calls it.
 */
export function nameTool(
  own: { readonly name: string; readonly description: string },
  options: ToolOptions,
): { readonly name: string; readonly description: string } {
  const name = options.name ?? own.name;
  if (!TOOL_NAME.test(name)) {
    throw new ToolError(
      "INVALID_OPTION",
      `Expected a tool name of letters, digits, _ . or - (a letter first, 64 at most), got ${JSON.stringify(name)}`,
    );
  }
  return { name, description: options.description ?? own.description };
}
