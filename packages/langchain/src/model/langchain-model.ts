import type { Completion, Model, ModelReply, ModelRequest } from "@deliberate/core";
import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { DeliberateLangChainError, describeError, describeValue } from "../errors.js";
import { callChatModel, callStructured, type ProviderResult } from "./call-provider.js";
import { type CallSettings, configureByFields, createSettingsCache } from "./call-settings.js";
import { createLimiter, raceAbort } from "./limit-concurrency.js";
import { checkModelOptions, type LangChainModelOptions } from "./model-options.js";
import { renderMessages } from "./render-messages.js";
import { cutAtStop, extractJson, matchChoice } from "./shape-text.js";

const estimateByLength = (text: string) => Math.ceil(text.length / 4);

function describeModel(model: BaseChatModel): string {
  const fields = model as unknown as Record<string, unknown>;
  const name = [fields.model, fields.modelName].find((value) => typeof value === "string");
  return `langchain:${model._llmType()}${name ? `:${String(name)}` : ""}`;
}

/**
 * Whether `value` behaves as a LangChain chat model. Duck-typed rather than `instanceof`, so a
 * model built against another copy of @langchain/core (a nested install) is accepted too.
 */
function isChatModel(value: unknown): value is BaseChatModel {
  if (typeof value !== "object" || value === null) return false;
  const fields = value as Record<string, unknown>;
  return (
    typeof fields.generate === "function" &&
    typeof fields._llmType === "function" &&
    typeof fields.withStructuredOutput === "function"
  );
}

function supportsStructuredOutput(model: BaseChatModel): boolean {
  const fields = model as unknown as Record<string, unknown>;
  return (
    typeof fields.bindTools === "function" ||
    model.withStructuredOutput !== BaseChatModel.prototype.withStructuredOutput
  );
}

/**
 * Any LangChain chat model (`BaseChatModel`: OpenAI, Anthropic, Ollama, an OpenAI-compatible
 * server such as vLLM or llama.cpp's) as a deliberate {@link Model}.
 *
 * Segments become chat messages by role; `n > 1` is one call when the provider returns several
 * completions, else parallel calls (at most `concurrency` in flight); temperature, token limit,
 * seed and stop strings reach the provider; a `choice` constraint is met by parsing the reply, a
 * `json-schema` one through `withStructuredOutput`, and a `gbnf` grammar is left to the task's
 * parser (chat APIs take no grammars). Usage comes from the replies' metadata, estimated from the
 * text's length when a provider reports none. Failures throw a {@link DeliberateLangChainError}.
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

  async function call(request: ModelRequest, count: number, seed: number | undefined) {
    const settings: CallSettings = {
      temperature: request.temperature ?? 0.7,
      maxTokens: request.maxTokens,
      n: count,
      logprobs: request.logprobs === true,
    };
    const messages = renderMessages(request.segments);
    const callOptions = {
      signal: request.signal,
      stop: options.sendStop === false ? undefined : request.stop,
      seed: options.sendSeed === false ? undefined : seed,
    };
    const constraint = request.constraint;
    // Runs inside the limiter and the try below, so a `configure` that throws is reported too.
    const start = () => {
      const model = configured(settings);
      return constraint?.kind === "json-schema" && structured
        ? callStructured(model, messages, constraint.schema, { ...callOptions, stop: undefined })
        : callChatModel(model, messages, callOptions);
    };
    const aborted = () =>
      new DeliberateLangChainError("ABORTED", `The call to ${id} was aborted`, {
        cause: request.signal?.reason,
      });
    try {
      const result = await limit(() =>
        request.signal?.aborted
          ? Promise.reject(aborted())
          : raceAbort(start(), request.signal, aborted),
      );
      const promptText = messages.map((message) => String(message.content)).join("\n");
      return { result, promptText };
    } catch (error) {
      if (request.signal?.aborted) throw aborted();
      if (error instanceof DeliberateLangChainError) throw error;
      throw new DeliberateLangChainError(
        "PROVIDER_ERROR",
        `Expected a reply from ${id}, got an error: ${describeError(error)}`,
        { cause: error },
      );
    }
  }

  function shape(request: ModelRequest, reply: ProviderResult["replies"][number]): Completion {
    const cut = cutAtStop(reply.text, request.stop);
    const constraint = request.constraint;
    let text = cut.text;
    if (constraint?.kind === "choice") text = matchChoice(text, constraint.options) ?? text;
    if (constraint?.kind === "json-schema") text = extractJson(text) ?? text;
    return {
      text,
      finishReason: cut.stopped ? "stop" : reply.finishReason,
      ...(request.logprobs && reply.logprobs ? { logprobs: reply.logprobs } : {}),
    };
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
    const seedAt = (index: number) =>
      request.seed === undefined ? undefined : request.seed + index;
    const oneCallForAll = nativeN && n > 1 && request.constraint?.kind !== "json-schema";
    const calls = [];
    if (oneCallForAll) calls.push(await call(request, n, seedAt(0)));
    const served = calls[0]?.result.replies.length ?? 0;
    // Providers that return fewer completions than asked (some compatible servers ignore `n`) are topped up.
    const missing = Array.from({ length: Math.max(0, n - served) }, (_, index) => served + index);
    calls.push(...(await Promise.all(missing.map((index) => call(request, 1, seedAt(index))))));

    const completions = calls.flatMap(({ result }) => result.replies).slice(0, n);
    let promptTokens = 0;
    let cached = 0;
    let generatedTokens = 0;
    for (const { result, promptText } of calls) {
      promptTokens += result.usage.promptTokens ?? estimate(promptText);
      cached += Math.min(result.usage.cachedPromptTokens ?? 0, result.usage.promptTokens ?? 0);
      generatedTokens +=
        result.usage.generatedTokens ??
        result.replies.reduce((sum, reply) => sum + estimate(reply.text), 0);
    }
    return {
      completions: completions.map((reply) => shape(request, reply)),
      usage: {
        promptTokens,
        evaluatedPromptTokens: promptTokens - cached,
        generatedTokens,
        calls: calls.length,
        forks: 0,
        ms: performance.now() - started,
      },
    };
  }

  return { id, generate };
}
