import type { Completion, ModelRequest, ModelUsage } from "@deliberate/core/model";
import type { ProviderResult } from "./call-provider.js";
import { cutAtStop, extractJson, matchChoice } from "./shape-text.js";

/** What one call gave, and the prompt as sent (for estimates when usage is not reported). */
export interface CallOutcome {
  readonly result: ProviderResult;
  readonly promptText: string;
}

/** Adds up what calls cost, estimating what a provider did not report. */
export function sumUsage(
  calls: readonly CallOutcome[],
  estimate: (text: string) => number,
  ms: number,
): ModelUsage {
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
    promptTokens,
    evaluatedPromptTokens: promptTokens - cached,
    generatedTokens,
    calls: calls.length,
    forks: 0,
    ms,
  };
}

/** Cuts a reply at the request's stop strings and meets its constraint by parsing. */
export function shapeReply(
  request: ModelRequest,
  reply: ProviderResult["replies"][number],
): Completion {
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
