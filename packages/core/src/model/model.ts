/**
 * The Model seam: what the engine asks of a language model. Backends (`@deliberate/llama`,
 * `@deliberate/langchain`, the test models) implement {@link Model}; the engine never imports one.
 */

/** One piece of a prompt. A request lists them in order, the part shared with other requests first. */
export interface PromptSegment {
  /**
   * Whose turn the text belongs to when a backend renders a chat template. A base model reads the
   * texts concatenated.
   * @default "user"
   */
  readonly role?: "system" | "user" | "assistant";
  readonly text: string;
  /**
   * Token ids of `text` for the model that will read it, when known (text this model generated):
   * a backend uses them as they are instead of tokenizing the text again. In an untrusted segment
   * they must be plain text: the llama backend reads the text instead when one is a control token
   * or no id of its vocabulary, and ends a completion before any such token the model writes.
   */
  readonly tokens?: readonly number[];
  /**
   * `true` only for text the app or a task wrote. Anything else (a user's question, a document, a
   * tool's output, a model's thought) is tokenized without special tokens, so it can never forge a
   * chat turn or end a sequence.
   * @default false
   */
  readonly trusted?: boolean;
}

/** Narrows what a model may write. Backends that cannot enforce one still get output to parse. */
export type OutputConstraint =
  | { readonly kind: "choice"; readonly options: readonly string[] }
  | { readonly kind: "json-schema"; readonly schema: Readonly<Record<string, unknown>> }
  | { readonly kind: "gbnf"; readonly grammar: string };

export interface ModelRequest {
  readonly segments: readonly PromptSegment[];
  /** How many independent completions. @default 1 */
  readonly n?: number;
  readonly maxTokens: number;
  /** 0 is greedy. @default 0.7 */
  readonly temperature?: number;
  /** Seed of the first completion; completion `i` uses `seed + i`, so siblings differ. */
  readonly seed?: number;
  /** Generation stops before any of these strings; the stop string is not part of the text. */
  readonly stop?: readonly string[];
  readonly constraint?: OutputConstraint;
  /** Ask for the log-probability of each generated token. @default false */
  readonly logprobs?: boolean;
  readonly signal?: AbortSignal;
}

export interface Completion {
  readonly text: string;
  /** Generated token ids, when the backend knows them. */
  readonly tokens?: readonly number[];
  /** Natural log-probability of each generated token, when asked for and available. */
  readonly logprobs?: readonly number[];
  readonly finishReason: "stop" | "length" | "aborted";
}

/** What a call cost. Counts add up across calls with {@link addModelUsage}. */
export interface ModelUsage {
  /** Tokens in the prompts, as sent. */
  readonly promptTokens: number;
  /** Prompt tokens the model actually evaluated (the rest came from a cache or a fork). */
  readonly evaluatedPromptTokens: number;
  readonly generatedTokens: number;
  readonly calls: number;
  /** Sequence states copied instead of evaluated again (local backends). */
  readonly forks: number;
  readonly ms: number;
}

export interface ModelReply {
  readonly completions: readonly Completion[];
  readonly usage: ModelUsage;
}

/** Asks how likely each option is as the whole continuation of the prompt. */
export interface ScoreOptionsRequest {
  readonly segments: readonly PromptSegment[];
  readonly options: readonly string[];
  readonly signal?: AbortSignal;
}

export interface ScoreOptionsReply {
  /** One probability per option, normalized to sum to 1 over the options. */
  readonly probabilities: readonly number[];
  readonly usage: ModelUsage;
}

/**
 * A language model as the engine sees it.
 *
 * @example
 * ```ts
 * const echo: Model = {
 *   id: "echo",
 *   async generate(request) {
 *     const text = request.segments.map((s) => s.text).join("");
 *     return { completions: [{ text, finishReason: "stop" }], usage: { ...emptyModelUsage, calls: 1 } };
 *   },
 * };
 * ```
 */
export interface Model {
  /** A name for logs and the saved tree, e.g. `llama:model.gguf`. */
  readonly id: string;
  /**
   * Where the model computes, recorded in the saved tree beside `id`: `cpu`, `cuda`, `vulkan` or
   * `metal` for a local model. Absent when the backend cannot tell (a remote API).
   */
  readonly device?: string;
  generate(request: ModelRequest): Promise<ModelReply>;
  /** Optional: evaluators fall back to sampling when a model cannot score options. */
  scoreOptions?(request: ScoreOptionsRequest): Promise<ScoreOptionsReply>;
}

export const emptyModelUsage: ModelUsage = Object.freeze({
  promptTokens: 0,
  evaluatedPromptTokens: 0,
  generatedTokens: 0,
  calls: 0,
  forks: 0,
  ms: 0,
});

export function addModelUsage(a: ModelUsage, b: ModelUsage): ModelUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    evaluatedPromptTokens: a.evaluatedPromptTokens + b.evaluatedPromptTokens,
    generatedTokens: a.generatedTokens + b.generatedTokens,
    calls: a.calls + b.calls,
    forks: a.forks + b.forks,
    ms: a.ms + b.ms,
  };
}
