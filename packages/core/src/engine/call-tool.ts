import { describeValue } from "../errors.js";
import type { ThoughtTool, ToolCall } from "../tools/thought-tool.js";
import type { Observation } from "../tree/schema.js";

/** The limits of one tool call inside a thought. */
export interface ToolCallLimits {
  readonly timeoutMs: number;
  readonly maxChars: number;
}

/** Why a call gave no output, as the `Error (CODE): message` text a branch reads. */
class ToolFailure extends Error {
  constructor(
    readonly code: "UNKNOWN_TOOL" | "TOOL_ERROR" | "TIMEOUT" | "ABORTED" | "INVALID_OUTPUT",
    message: string,
  ) {
    super(message);
  }
}

/**
 * A thrown error as the text a branch reads: an error with a stable code of its own (such as
 * `ToolError` of `@deliberate/tools`) keeps it, anything else is a `TOOL_ERROR`.
 */
function describeError(error: unknown): string {
  if (error instanceof ToolFailure) return `Error (${error.code}): ${error.message}`;
  const message = error instanceof Error ? error.message || error.name : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^[A-Z][A-Z0-9_]{0,39}$/.test(code)) {
    return `Error (${code}): ${message}`;
  }
  return `Error (TOOL_ERROR): ${message}`;
}

/** Cuts text to `max` characters without splitting a surrogate pair. */
function cutText(text: string, max: number): { text: string; cut?: number } {
  if (text.length <= max) return { text };
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return { text: text.slice(0, end), cut: text.length - end };
}

function findTool(tools: readonly ThoughtTool[], name: string): ThoughtTool {
  const tool = tools.find((candidate) => candidate.name === name);
  if (tool) return tool;
  const known = tools.map((candidate) => candidate.name).join(", ") || "none";
  throw new ToolFailure(
    "UNKNOWN_TOOL",
    `Expected one of the tools (${known}), got ${describeValue(name)}`,
  );
}

/**
 * Runs one tool, racing its timeout and the search's signal: a tool that ignores its signal is
 * abandoned, never awaited, so it cannot hold the search.
 */
async function runTool(
  tool: ThoughtTool,
  input: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<string> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    onAbort = () => {
      controller.abort(signal.reason);
      reject(new ToolFailure("ABORTED", "The search stopped before the tool answered"));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    timer = setTimeout(() => {
      controller.abort();
      reject(new ToolFailure("TIMEOUT", `Expected an answer within ${timeoutMs} ms, got none`));
    }, timeoutMs);
  });
  try {
    const pending = Promise.resolve().then(() => tool.call(input, { signal: controller.signal }));
    // An abandoned call may still reject later: that is no one's error.
    pending.catch(() => {});
    const output: unknown = await Promise.race([pending, stopped]);
    if (typeof output !== "string") {
      throw new ToolFailure("INVALID_OUTPUT", `Expected text, got ${describeValue(output)}`);
    }
    return output;
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

/**
 * Calls the tool a step asked for and observes what it gave. Never throws: an unknown tool, a
 * throw, a timeout or the search stopping is an error observation (`ok: false`), and a long
 * output is cut to `maxChars` (the observation's `cut` says by how much).
 */
export async function callTool(
  tools: readonly ThoughtTool[],
  call: ToolCall,
  limits: ToolCallLimits,
  signal: AbortSignal,
): Promise<Observation> {
  const started = performance.now();
  let text: string;
  let ok = true;
  try {
    text = await runTool(findTool(tools, call.tool), call.input, limits.timeoutMs, signal);
  } catch (error) {
    ok = false;
    text = describeError(error);
  }
  const ms = performance.now() - started;
  return { tool: call.tool, input: call.input, ...cutText(text, limits.maxChars), ok, ms };
}
