import { type ThoughtTool, TOOL_NAME } from "@deliberate/core/task";
import { type StructuredToolInterface, ToolInputParsingException } from "@langchain/core/tools";
import { type JSONSchema, toJsonSchema } from "@langchain/core/utils/json_schema";
import { DeliberateLangChainError, describeError } from "../errors.js";
import { readToolOutput } from "./read-tool-output.js";

/** Options of {@link toThoughtTool}. */
export interface ThoughtToolOptions {
  /** The name the model calls the tool by. @default the LangChain tool's own name */
  readonly name?: string;
  /** What the model reads about the tool. @default the tool's description, plus its input fields */
  readonly description?: string;
}

/** How a model's one line of input becomes the tool's arguments. */
type ReadArguments = (input: string) => unknown;

function describeSchema(tool: StructuredToolInterface): JSONSchema | undefined {
  try {
    return toJsonSchema(tool.schema as Parameters<typeof toJsonSchema>[0]);
  } catch {
    return undefined;
  }
}

/** The one string field of an object schema, when it has exactly one field and it is text. */
function soleTextField(schema: JSONSchema | undefined): string | undefined {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> })?.properties;
  if (!properties) return undefined;
  const names = Object.keys(properties);
  return names.length === 1 && properties[names[0] as string]?.type === "string"
    ? names[0]
    : undefined;
}

function readJsonArguments(names: readonly string[]): ReadArguments {
  return (input) => {
    let args: unknown;
    try {
      args = JSON.parse(input);
    } catch {
      args = undefined;
    }
    if (typeof args !== "object" || args === null || Array.isArray(args)) {
      throw new DeliberateLangChainError(
        "INVALID_INPUT",
        `Expected a JSON object with the fields ${names.join(", ")}, got ${JSON.stringify(input.slice(0, 80))}`,
      );
    }
    return args;
  };
}

/**
 * Wraps any LangChain tool (`tool()`, a `StructuredTool`, a `DynamicTool`) as a {@link ThoughtTool}
 * a model may call inside a thought. The model writes one line of input: a tool whose schema has
 * one text field (`{ expression: string }`) gets that line as the field; any other tool gets the
 * line parsed as a JSON object of its arguments (the description then names the fields).
 * LangChain's schema check still runs: input that fails it, a throw, or a tool answering with an
 * error artifact (as `createLangChainCalculatorTool` does), becomes an error observation on
 * the branch. The tools of `@deliberate/tools` need no adapter: they are thought tools already.
 *
 * @example
 * ```ts
 * import { DynamicTool } from "@langchain/core/tools";
 * const calculator = toThoughtTool(
 *   new DynamicTool({ name: "calculator", description: "Evaluates arithmetic.", func: evaluate }),
 * );
 * const task = createQuestionTask("What is 17% of 2400?", { tools: [calculator] });
 * // The model may write: Action: calculator[2400 * 17 / 100]
 * const result = await think(task, { model });
 * ```
 */
export function toThoughtTool(
  tool: StructuredToolInterface,
  options: ThoughtToolOptions = {},
): ThoughtTool {
  const name = options.name ?? tool.name;
  if (!TOOL_NAME.test(name)) {
    throw new DeliberateLangChainError(
      "INVALID_OPTION",
      `Expected a tool name of letters, digits, _ . or - (a letter first, 64 at most), got ${JSON.stringify(name)}; pass options.name`,
    );
  }
  const schema = describeSchema(tool);
  const field = soleTextField(schema);
  const fields = Object.keys((schema as { properties?: object })?.properties ?? {});
  const readArguments: ReadArguments =
    field !== undefined ? (input) => ({ [field]: input }) : readJsonArguments(fields);
  const inputNote =
    field !== undefined || fields.length === 0
      ? ""
      : ` Input: a JSON object with the fields ${fields.join(", ")}.`;
  return {
    name,
    description: options.description ?? `${tool.description}${inputNote}`,
    async call(input, { signal }) {
      const args = readArguments(input);
      // Invoked as a tool call, so the reply is a ToolMessage that keeps the tool's artifact.
      const call = { type: "tool_call" as const, id: "deliberate", name: tool.name, args };
      try {
        return readToolOutput(await tool.invoke(call as never, { signal }));
      } catch (error) {
        if (!(error instanceof ToolInputParsingException)) throw error;
        throw new DeliberateLangChainError("INVALID_INPUT", describeError(error), { cause: error });
      }
    },
  };
}
