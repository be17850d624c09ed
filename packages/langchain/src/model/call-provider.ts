import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import {
  type ReportedUsage,
  readFinishReason,
  readLogprobs,
  readText,
  readUsage,
} from "./read-usage.js";

/** One reply of a provider call, before the request's stop strings and constraint shape it. */
export interface RawReply {
  readonly text: string;
  readonly finishReason: "stop" | "length";
  readonly logprobs?: readonly number[];
  /** The provider's message, for what the text leaves out (top log-probabilities). */
  readonly message?: BaseMessage;
}

/** What one provider call gave. */
export interface ProviderResult {
  readonly replies: readonly RawReply[];
  readonly usage: ReportedUsage;
}

/** Call options every LangChain chat model understands, plus the seed OpenAI-compatible ones use. */
export interface ProviderCallOptions {
  readonly signal?: AbortSignal;
  readonly stop?: readonly string[];
  readonly seed?: number;
}

function buildCallOptions(options: ProviderCallOptions): Record<string, unknown> {
  return {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.stop && options.stop.length > 0 ? { stop: [...options.stop] } : {}),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
}

/**
 * Asks a chat model for its replies to one prompt through `generate`, which keeps every
 * completion a provider returns (`invoke` keeps only the first).
 */
export async function callChatModel(
  model: BaseChatModel,
  messages: readonly BaseMessage[],
  options: ProviderCallOptions,
): Promise<ProviderResult> {
  const result = await model.generate([[...messages]], buildCallOptions(options));
  const generations = result.generations[0] ?? [];
  const replies = generations.map((generation) => {
    const message = (generation as { message?: BaseMessage }).message;
    if (!message) return { text: generation.text, finishReason: "stop" as const };
    const logprobs = readLogprobs(message);
    return {
      text: readText(message),
      finishReason: readFinishReason(message),
      message,
      ...(logprobs ? { logprobs } : {}),
    };
  });
  // With several completions in one call, each message carries the whole call's usage.
  const first = (generations[0] as { message?: BaseMessage } | undefined)?.message;
  return { replies, usage: readUsage(first) };
}

/**
 * Asks a chat model for JSON matching `schema` through its `withStructuredOutput`, keeping the
 * raw message for usage. A reply that does not parse comes back as its raw text.
 */
export async function callStructured(
  model: BaseChatModel,
  messages: readonly BaseMessage[],
  schema: Readonly<Record<string, unknown>>,
  options: ProviderCallOptions,
): Promise<ProviderResult> {
  const name = typeof schema.title === "string" ? schema.title : "output";
  const runnable = model.withStructuredOutput({ ...schema }, { name, includeRaw: true });
  const output = (await runnable.invoke([...messages], buildCallOptions(options))) as unknown;
  const record = (typeof output === "object" && output !== null ? output : {}) as Record<
    string,
    unknown
  >;
  // Some models (LangChain's fakes among them) give the parsed value alone, without `raw`.
  if (!("raw" in record && "parsed" in record)) {
    return { replies: [{ text: JSON.stringify(output), finishReason: "stop" }], usage: {} };
  }
  const raw = record.raw as BaseMessage;
  const text =
    record.parsed === null || record.parsed === undefined
      ? readText(raw)
      : JSON.stringify(record.parsed);
  return {
    replies: [{ text, finishReason: readFinishReason(raw) }],
    usage: readUsage(raw),
  };
}
