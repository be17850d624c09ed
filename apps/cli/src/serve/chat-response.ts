import type { Result, SearchUsage } from "@deliberate/core";

/** The `usage` object of a completion: every token the search spent, on every call. */
export interface ChatUsage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
  /** Prompt tokens served from the KV cache or a fork rather than evaluated again. */
  readonly prompt_tokens_details: { readonly cached_tokens: number };
  /** Every generated token is a thought of the search; the answer is read from one of them. */
  readonly completion_tokens_details: { readonly reasoning_tokens: number };
}

/** The `deliberate` extension object of a response: what the search did and where its tree is. */
export interface DeliberateInfo {
  readonly tree_id: string;
  readonly viewer_url: string | null;
  readonly stop_reason: Result["stopReason"];
  readonly verified: boolean | null;
  readonly score: number;
  readonly nodes: number;
  readonly model_calls: number;
  readonly elapsed_ms: number;
  readonly think_ms: number;
  readonly strategy: string;
  readonly task: string;
}

/** Maps a search's usage onto OpenAI's. */
export function toChatUsage(usage: SearchUsage): ChatUsage {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.generatedTokens,
    total_tokens: usage.promptTokens + usage.generatedTokens,
    prompt_tokens_details: { cached_tokens: usage.promptTokens - usage.evaluatedPromptTokens },
    completion_tokens_details: { reasoning_tokens: usage.generatedTokens },
  };
}

/**
 * What the assistant says: the answer, or — when no path reached one — the best partial path's
 * last thought, marked as such, so a client never mistakes it for an answer.
 */
export function findContent(result: Result): string {
  if (result.answer !== undefined) return result.answer;
  const last = result.best.path.at(-1);
  return last
    ? `No answer within the think time; the best partial line of thought ends: ${last.text}`
    : "No answer within the think time.";
}

/**
 * `finish_reason`: `stop` for an answer; `length` when the think budget ran out (or the search
 * was cut short) before any answer — the closest OpenAI reason, "the budget ended it".
 */
export function findFinishReason(result: Result): "stop" | "length" {
  return result.answer === undefined && result.stopReason !== "exhausted" ? "length" : "stop";
}

/** The reasoning of a non-streamed reply: the best path's thoughts, one a line. */
export function findReasoning(result: Result): string {
  return result.best.path.map((step) => step.text.trim()).join("\n");
}

/** Builds the `deliberate` object of a response. */
export function describeSearch(
  result: Result,
  context: { treeId: string; viewerUrl: string | null; thinkMs: number },
): DeliberateInfo {
  return {
    tree_id: context.treeId,
    viewer_url: context.viewerUrl,
    stop_reason: result.stopReason,
    verified: result.verified ?? null,
    score: result.best.score,
    nodes: result.usage.nodes,
    model_calls: result.usage.calls,
    elapsed_ms: Math.round(result.usage.elapsedMs),
    think_ms: context.thinkMs,
    strategy: result.tree.strategy,
    task: result.tree.task,
  };
}

/** Identity of one completion: its id, creation time (seconds) and model, shared by its chunks. */
export interface CompletionHead {
  readonly id: string;
  readonly created: number;
  readonly model: string;
}

/** A whole `chat.completion` object (non-streamed). */
export function buildCompletion(head: CompletionHead, result: Result, info: DeliberateInfo) {
  return {
    id: head.id,
    object: "chat.completion" as const,
    created: head.created,
    model: head.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant" as const,
          content: findContent(result),
          reasoning_content: findReasoning(result),
          refusal: null,
        },
        logprobs: null,
        finish_reason: findFinishReason(result),
      },
    ],
    usage: toChatUsage(result.usage),
    deliberate: info,
  };
}

/** One `chat.completion.chunk` with a delta (or, with `finish`, the last one of the choice). */
export function buildChunk(
  head: CompletionHead,
  delta: { role?: "assistant"; content?: string; reasoning_content?: string },
  finish: "stop" | "length" | null = null,
  extra: Record<string, unknown> = {},
) {
  return {
    id: head.id,
    object: "chat.completion.chunk" as const,
    created: head.created,
    model: head.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...extra,
  };
}

/** The usage chunk `stream_options.include_usage` asks for: no choices, the whole usage. */
export function buildUsageChunk(head: CompletionHead, result: Result) {
  return {
    id: head.id,
    object: "chat.completion.chunk" as const,
    created: head.created,
    model: head.model,
    choices: [],
    usage: toChatUsage(result.usage),
  };
}
