import type { BaseMessage } from "@langchain/core/messages";

/** Token counts of one provider call, as far as its metadata tells them. */
export interface ReportedUsage {
  readonly promptTokens?: number;
  readonly generatedTokens?: number;
  /** Prompt tokens the provider served from its cache. */
  readonly cachedPromptTokens?: number;
}

type Loose = Record<string, unknown>;

const asRecord = (value: unknown): Loose | undefined =>
  typeof value === "object" && value !== null ? (value as Loose) : undefined;

const firstNumber = (...values: unknown[]): number | undefined =>
  values.find((value): value is number => typeof value === "number" && Number.isFinite(value));

/**
 * What a reply message says its call cost: LangChain's standard `usage_metadata` first, then the
 * shapes providers put in `response_metadata` (`tokenUsage`, OpenAI's and Anthropic's `usage`).
 */
export function readUsage(message: BaseMessage | undefined): ReportedUsage {
  if (!message) return {};
  const standard = asRecord((message as { usage_metadata?: unknown }).usage_metadata);
  const metadata = asRecord(message.response_metadata) ?? {};
  const tokenUsage = asRecord(metadata.tokenUsage) ?? asRecord(metadata.estimatedTokenUsage);
  const usage = asRecord(metadata.usage);
  const details = asRecord(standard?.input_token_details);
  const promptTokens = firstNumber(
    standard?.input_tokens,
    tokenUsage?.promptTokens,
    usage?.prompt_tokens,
    usage?.input_tokens,
  );
  const generatedTokens = firstNumber(
    standard?.output_tokens,
    tokenUsage?.completionTokens,
    usage?.completion_tokens,
    usage?.output_tokens,
  );
  const cachedPromptTokens = firstNumber(details?.cache_read, usage?.cache_read_input_tokens);
  return {
    ...(promptTokens === undefined ? {} : { promptTokens }),
    ...(generatedTokens === undefined ? {} : { generatedTokens }),
    ...(cachedPromptTokens === undefined ? {} : { cachedPromptTokens }),
  };
}

/** How a reply ended, from the provider's finish or stop reason. */
export function readFinishReason(message: BaseMessage): "stop" | "length" {
  const metadata = asRecord(message.response_metadata) ?? {};
  const reason = metadata.finish_reason ?? metadata.stop_reason ?? metadata.done_reason;
  return reason === "length" || reason === "max_tokens" ? "length" : "stop";
}

/** Log-probabilities of the generated tokens, where the provider returned them (OpenAI's shape). */
export function readLogprobs(message: BaseMessage): number[] | undefined {
  const metadata = asRecord(message.response_metadata) ?? {};
  const content = asRecord(metadata.logprobs)?.content;
  if (!Array.isArray(content)) return undefined;
  const values = content.map((token) => asRecord(token)?.logprob);
  return values.every((value) => typeof value === "number") ? (values as number[]) : undefined;
}

/** The text of a reply message: its string content, or its text blocks joined. */
export function readText(message: BaseMessage): string {
  if (typeof message.content === "string") return message.content;
  return message.content
    .map((block) => (block.type === "text" && typeof block.text === "string" ? block.text : ""))
    .join("");
}
