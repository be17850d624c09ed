import type { Model } from "@deliberate/core";
import type {
  ModelReply,
  ModelRequest,
  PromptSegment,
  ScoreOptionsRequest,
} from "@deliberate/core/model";
import { describeValue } from "@deliberate/core/options";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { DeliberateLangChainError, describeError } from "../errors.js";
import { callChatModel, callStructured } from "./call-provider.js";
import { type CallSettings, configureByFields, createSettingsCache } from "./call-settings.js";
import { describeModel, isChatModel, supportsStructuredOutput } from "./inspect-chat-model.js";
import { createLimiter, raceAbort } from "./limit-concurrency.js";
import { checkModelOptions, type LangChainModelOptions } from "./model-options.js";
import { renderMessages } from "./render-messages.js";
import { retryCall } from "./retry-call.js";
import { scoreOptionsFromTopTokens } from "./score-options.js";
import { type CallOutcome, shapeReply, sumUsage } from "./shape-reply.js";

/** One provider call to make: the prompt, the settings and the call options. */
interface CallPlan {
  readonly segments: readonly PromptSegment[];
  readonly settings: CallSettings;
  readonly signal?: AbortSignal;
  readonly stop?: readonly string[];
  readonly seed?: number;
  readonly constraint?: ModelRequest["constraint"];
}

const estimateByLength = (text: string) => Math.ceil(text.length / 4);

/**
 * Any LangChain chat model (`BaseChatModel`: OpenAI, Anthropic, Ollama, an OpenAI-compatible
 * server such as vLLM or llama.cpp's) as a deliberate {@link Model}.
 *
 * Segments become chat messages by role; `n > 1` is one call when the provider returns several
 * completions, else parallel calls (at most `concurrency` in flight); temperature, token limit,
 * seed and stop strings reach the provider; a `choice` constraint is met by parsing the reply, a
 * `json-schema` one through `withStructuredOutput`, and a `gbnf` grammar is left to the task's
 * parser (chat APIs take no grammars). A call refused for now (429, 5xx) is retried with backoff,
 * waiting as long as the server's `Retry-After` asks. Usage comes from the replies' metadata,
 * estimated from the text's length when a provider reports none. Failures throw a {@link DeliberateLangChainError}.
 *
 * @example
 * ```ts
 * import { ChatOpenAI } from "@langchain/openai";
 * import { think } from "@deliberate/core";
 * import { createLangChainModel } from "@deliberate/langchain";
 *
 * const model = createLangChainModel(new ChatOpenAI({ model: "gpt-4o-mini" }), { concurrency: 8 });
 * const result = await think("How many primes are below 50?", { model, budget: { time: "30s" } });
 * ```
 */
export function createLangChainModel(
  chatModel: BaseChatModel,
  options: LangChainModelOptions = {},
): Model {
  if (!isChatModel(chatModel)) {
    throw new DeliberateLangChainError(
      "INVALID_INPUT",
      `Expected a LangChain chat model (BaseChatModel), got ${describeValue(chatModel)}`,
    );
  }
  checkModelOptions(options);
  const id = options.id ?? describeModel(chatModel);
  const limit = createLimiter(options.concurrency ?? 4);
  const configured = createSettingsCache(chatModel, options.configure ?? configureByFields);
  const nativeN = options.nativeN ?? "n" in chatModel;
  const structured = options.structuredOutput !== "parse" && supportsStructuredOutput(chatModel);
  const estimate = options.estimateTokens ?? estimateByLength;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});

  async function call(plan: CallPlan): Promise<CallOutcome> {
    const messages = renderMessages(plan.segments);
    const callOptions = {
      signal: plan.signal,
      stop: options.sendStop === false ? undefined : plan.stop,
      seed: options.sendSeed === false ? undefined : plan.seed,
    };
    const constraint = plan.constraint;
    // Runs inside the limiter and the try below, so a `configure` that throws is reported too.
    const start = () => {
      const model = configured(plan.settings);
      return constraint?.kind === "json-schema" && structured
        ? callStructured(model, messages, constraint.schema, { ...callOptions, stop: undefined })
        : callChatModel(model, messages, callOptions);
    };
    const aborted = () =>
      new DeliberateLangChainError("ABORTED", `The call to ${id} was aborted`, {
        cause: plan.signal?.reason,
      });
    try {
      // Retries wait inside the limiter: a server that says 429 gets fewer calls, not more.
      const result = await limit(() =>
        plan.signal?.aborted
          ? Promise.reject(aborted())
          : raceAbort(retryCall(start, retry, plan.signal), plan.signal, aborted),
      );
      const promptText = messages.map((message) => String(message.content)).join("\n");
      return { result, promptText };
    } catch (error) {
      if (plan.signal?.aborted) throw aborted();
      if (error instanceof DeliberateLangChainError) throw error;
      throw new DeliberateLangChainError(
        "PROVIDER_ERROR",
        `Expected a reply from ${id}, got an error: ${describeError(error)}`,
        { cause: error },
      );
    }
  }

  async function generate(request: ModelRequest): Promise<ModelReply> {
    const started = performance.now();
    const n = request.n ?? 1;
    if (!(Number.isInteger(n) && n >= 1)) {
      throw new DeliberateLangChainError(
        "INVALID_INPUT",
        `Expected \`n\` to be an integer ≥ 1, got ${describeValue(n)}`,
      );
    }
    const plan = (count: number, index: number): CallPlan => ({
      ...request,
      settings: {
        temperature: request.temperature ?? 0.7,
        maxTokens: request.maxTokens,
        n: count,
        logprobs: request.logprobs === true,
      },
      seed: request.seed === undefined ? undefined : request.seed + index,
    });
    const calls: CallOutcome[] = [];
    if (nativeN && n > 1 && request.constraint?.kind !== "json-schema")
      calls.push(await call(plan(n, 0)));
    const served = calls[0]?.result.replies.length ?? 0;
    // Providers that return fewer completions than asked (some compatible servers ignore `n`) are topped up.
    const missing = Array.from({ length: Math.max(0, n - served) }, (_, index) => served + index);
    calls.push(...(await Promise.all(missing.map((index) => call(plan(1, index))))));
    const replies = calls.flatMap(({ result }) => result.replies).slice(0, n);
    return {
      completions: replies.map((reply) => shapeReply(request, reply)),
      usage: sumUsage(calls, estimate, performance.now() - started),
    };
  }

  async function scoreOptions(request: ScoreOptionsRequest) {
    const started = performance.now();
    const settings = { temperature: 0, maxTokens: 1, n: 1, logprobs: true, topLogprobs: 20 };
    const outcome = await call({ segments: request.segments, settings, signal: request.signal });
    const message = outcome.result.replies[0]?.message;
    const probabilities = message && scoreOptionsFromTopTokens(message, request.options);
    if (!probabilities) {
      throw new DeliberateLangChainError(
        "PROVIDER_ERROR",
        `Expected ${id} to return top log-probabilities naming one of ${JSON.stringify(request.options)}, got none`,
      );
    }
    return { probabilities, usage: sumUsage([outcome], estimate, performance.now() - started) };
  }

  return options.scoreOptions ? { id, generate, scoreOptions } : { id, generate };
}
