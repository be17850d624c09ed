import { describeValue } from "@deliberate/core/options";
import { DeliberateLangChainError } from "../errors.js";
import type { ConfigureModel } from "./call-settings.js";
import type { RetryOptions } from "./retry-call.js";

/** Options of {@link createLangChainModel}. */
export interface LangChainModelOptions {
  /** Name in logs and the saved tree. @default `langchain:<provider>:<model name>` */
  readonly id?: string;
  /** Provider calls in flight at once, across every request to this model. @default 4 */
  readonly concurrency?: number;
  /**
   * Ask the provider for several completions in one call (its `n`). Without it, `n > 1` is served
   * by parallel calls, each with its own seed.
   * @default true when the model has an `n` field (OpenAI-compatible clients), else false
   */
  readonly nativeN?: boolean;
  /**
   * Pass stop strings to the provider. Replies are cut at the first stop string either way, so
   * turn this off for providers that refuse `stop` (OpenAI's reasoning models).
   * @default true
   */
  readonly sendStop?: boolean;
  /** Pass the seed as the `seed` call option (OpenAI-compatible providers use it). @default true */
  readonly sendSeed?: boolean;
  /**
   * How a request's temperature, token limit, `n` and log-probabilities reach the provider, which
   * LangChain takes as constructor fields rather than call options.
   * @default configureByFields: a copy of the model made with those fields
   */
  readonly configure?: ConfigureModel;
  /**
   * How a `json-schema` constraint is met: `"auto"` uses the model's `withStructuredOutput` when
   * it supports tools or structured output, `"parse"` asks plainly and extracts the JSON.
   * @default "auto"
   */
  readonly structuredOutput?: "auto" | "parse";
  /**
   * Give the model `scoreOptions`, so the `value` evaluator reads the probability of each word
   * instead of sampling: one call of one token at temperature 0, scored from that token's top
   * log-probabilities. Only for providers that return `top_logprobs` (OpenAI and compatible
   * servers); a reply without them fails the evaluation rather than guessing.
   * @default false
   */
  readonly scoreOptions?: boolean;
  /**
   * Retries of a call the server refused for now (429, 408, 409, 5xx): exponential backoff with
   * jitter, or the server's `Retry-After` (capped by `maxDelayMs`). A wait ends when the request's
   * signal aborts. `false` turns retrying off (the client's own `maxRetries` still applies).
   * @default `{ retries: 2, minDelayMs: 250, maxDelayMs: 8000 }`
   */
  readonly retry?: RetryOptions | false;
  /**
   * Tokens in a text, used only when the provider reports no usage (so token budgets still hold).
   * @default `Math.ceil(text.length / 4)`
   */
  readonly estimateTokens?: (text: string) => number;
}

function createOptionError(
  field: string,
  expected: string,
  value: unknown,
): DeliberateLangChainError {
  return new DeliberateLangChainError(
    "INVALID_OPTION",
    `Invalid option \`${field}\`: expected ${expected}, got ${describeValue(value)}`,
  );
}

/** Rejects a wrong option before any call, naming the field, what was expected and what came. */
export function checkModelOptions(options: LangChainModelOptions): void {
  if (typeof options !== "object" || options === null)
    throw createOptionError("options", "an object", options);
  const { id, concurrency, structuredOutput } = options;
  if (id !== undefined && (typeof id !== "string" || id.length === 0))
    throw createOptionError("id", "a non-empty string", id);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1))
    throw createOptionError("concurrency", "an integer ≥ 1", concurrency);
  for (const name of ["nativeN", "sendStop", "sendSeed", "scoreOptions"] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== "boolean")
      throw createOptionError(name, "a boolean", value);
  }
  for (const name of ["configure", "estimateTokens"] as const) {
    const value = options[name];
    if (value !== undefined && typeof value !== "function")
      throw createOptionError(name, "a function", value);
  }
  checkRetry(options.retry);
  if (structuredOutput !== undefined && structuredOutput !== "auto" && structuredOutput !== "parse")
    throw createOptionError("structuredOutput", '"auto" or "parse"', structuredOutput);
}

function checkRetry(retry: LangChainModelOptions["retry"]): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry !== "object" || retry === null)
    throw createOptionError("retry", "false or an object", retry);
  const { retries, minDelayMs, maxDelayMs } = retry;
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0))
    throw createOptionError("retry.retries", "an integer ≥ 0", retries);
  for (const [name, value] of [
    ["retry.minDelayMs", minDelayMs],
    ["retry.maxDelayMs", maxDelayMs],
  ] as const) {
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0))
      throw createOptionError(name, "a number ≥ 0", value);
  }
}
