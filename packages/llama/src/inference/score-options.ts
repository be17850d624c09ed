import type { ScoreOptionsReply, ScoreOptionsRequest } from "@deliberate/core/model";
import type { LlamaContextSequence } from "node-llama-cpp";
import { LlamaError } from "../errors.js";
import { createContextOverflowError } from "./context-overflow.js";
import type { InferenceRuntime } from "./inference-runtime.js";
import { evaluatePrompt } from "./prompt-evaluation.js";
import { asTokens } from "./token-prefix.js";
import { UsageMeter } from "./usage-meter.js";

/**
 * How likely each option is as the continuation of the prompt: the product of its tokens'
 * probabilities under the model (no temperature), normalized over the options. The prompt is
 * evaluated once; each option then evaluates only its own tokens after it.
 */
export async function scoreOptions(
  runtime: InferenceRuntime,
  request: ScoreOptionsRequest,
): Promise<ScoreOptionsReply> {
  const meter = new UsageMeter();
  const optionTokens = request.options.map((option) => checkOption(runtime, option));
  const tokens = runtime.render(request.segments);
  if (tokens.length === 0) {
    throw new LlamaError(
      "INVALID_OPTION",
      "Expected a prompt of at least one token, got an empty prompt.",
    );
  }
  // Refused at once, like generate: a longer prompt would be evaluated chunk after chunk for
  // nothing, holding a sequence for seconds (a 100 kB step took 18 s on synthetic:tiny).
  const longest = optionTokens.reduce((most, option) => Math.max(most, option.length), 0);
  if (tokens.length + longest > runtime.context.contextSize) {
    throw createContextOverflowError(runtime, tokens.length, {
      tokens: longest,
      for: "the longest option",
    });
  }
  meter.promptTokens = tokens.length;
  const prefix = tokens.slice(0, -1);
  const slots = await runtime.pool.acquire(prefix, 1, request.signal);
  const slot = slots?.[0];
  if (!slot) throw abortedOrDisposed(request.signal);
  try {
    const prepared = await evaluatePrompt(
      slot.sequence,
      prefix,
      runtime.promptChunker,
      request.signal,
    );
    meter.evaluatedPromptTokens += prepared.evaluated + 1;
    if (prepared.aborted) throw abortedOrDisposed(request.signal);
    const [first] = await evaluateWithDistributions(slot.sequence, [
      tokens[tokens.length - 1] as number,
    ]);
    const logScores: number[] = [];
    for (const option of optionTokens) {
      if (request.signal?.aborted) throw abortedOrDisposed(request.signal);
      let logScore = Math.log(first?.get(option[0] as number) ?? 0);
      if (option.length > 1 && logScore > Number.NEGATIVE_INFINITY) {
        await slot.sequence.adaptStateToTokens(asTokens(tokens), false);
        const next = await evaluateWithDistributions(slot.sequence, option.slice(0, -1));
        meter.evaluatedPromptTokens += option.length - 1;
        next.forEach((distribution, index) => {
          logScore += Math.log(distribution?.get(option[index + 1] as number) ?? 0);
        });
      }
      logScores.push(logScore);
    }
    return { probabilities: normalizeLogScores(logScores), usage: meter.finish() };
  } finally {
    runtime.pool.release([slot]);
  }
}

/** Turns log-scores into probabilities summing to 1; all-impossible options share evenly. */
export function normalizeLogScores(logScores: readonly number[]): number[] {
  const max = logScores.reduce((most, score) => Math.max(most, score), -Infinity);
  if (!Number.isFinite(max)) return logScores.map(() => 1 / logScores.length);
  const weights = logScores.map((score) => Math.exp(score - max));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/** Evaluates `tokens` and reads, after each, the model's whole next-token distribution. */
export async function evaluateWithDistributions(
  sequence: LlamaContextSequence,
  tokens: readonly number[],
): Promise<(Map<number, number> | undefined)[]> {
  const outputs = await sequence.controlledEvaluate(
    asTokens(tokens).map((token) => [token, { generateNext: { probabilities: true } }] as const),
  );
  return tokens.map((_, index) => outputs[index]?.next.probabilities);
}

function checkOption(runtime: InferenceRuntime, option: string): readonly number[] {
  const tokens = runtime.tokenizer.tokenizeText(option, false, true);
  if (tokens.length === 0) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected every option to be a non-empty string, got \`${JSON.stringify(option)}\`.`,
    );
  }
  return tokens;
}

function abortedOrDisposed(signal?: AbortSignal): LlamaError {
  return signal?.aborted
    ? new LlamaError("ABORTED", "Expected to score the options, got an abort signal first.")
    : new LlamaError("GENERATION_FAILED", "Expected a loaded model, got one that is disposed.");
}
