/**
 * The tool seam: what the engine asks of a tool a model may call inside a thought. Adapters
 * (`toThoughtTool` in `@deliberate/langchain`, or a plain object of your own) implement
 * {@link ThoughtTool}; core never imports a tool runtime.
 */

/** What a tool call is handed besides its input. */
export interface ThoughtToolCallOptions {
  /** Aborts when the search stops or the call's timeout passes: stop working and return. */
  readonly signal: AbortSignal;
}

/**
 * A tool a model may call in the middle of a thought. Its output is appended to that branch only,
 * as data: the prompts show it as untrusted text, and no answer is ever read from it.
 *
 * @example
 * ```ts
 * const shout: ThoughtTool = {
 *   name: "shout",
 *   description: "Repeats its input in capitals.",
 *   async call(input) {
 *     return input.toUpperCase();
 *   },
 * };
 * const task = createQuestionTask("Say hi loudly.", { tools: [shout] });
 * ```
 */
export interface ThoughtTool {
  /** How the model names the tool: a letter, then letters, digits, `_`, `-` or `.` (64 at most). */
  readonly name: string;
  /** One line the model reads to know when the tool helps and what input it takes. */
  readonly description: string;
  /**
   * Runs the tool on the model's input. Throwing is fine: the branch then reads an error
   * observation and the search goes on. A call that outlives its timeout is abandoned.
   */
  call(input: string, options: ThoughtToolCallOptions): Promise<string>;
}

/** A step that asks for a tool: the tool's name and its input, both as the model wrote them. */
export interface ToolCall {
  readonly tool: string;
  readonly input: string;
}

/** The names a tool may have: they must fit in the one-line call syntax tasks parse. */
export const TOOL_NAME = /^[A-Za-z][\w.-]{0,63}$/;
