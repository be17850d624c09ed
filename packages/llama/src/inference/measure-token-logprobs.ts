import { LlamaError } from "../errors.js";
import type { InferenceRuntime } from "./inference-runtime.js";
import { evaluateWithDistributions } from "./score-options.js";

/** Options of `LlamaModel.measureTokenLogprobs`. */
export interface MeasureTokenLogprobsOptions {
  readonly signal?: AbortSignal;
}

// Tokens evaluated per decode: each asks for a whole next-token distribution, kept only long
// enough to read one probability, and an abort lands between chunks.
const chunkSize = 16;

/**
 * Natural log-probabilities of the tokens of `text` under the model (its own distribution, no
 * temperature), each given the tokens before it, read as plain untrusted text: no special tokens,
 * no chat template. After BOS when the model wants one, so every token is scored; otherwise the
 * first token has nothing to be scored against and is left out. A text longer than the context is
 * scored over its tail.
 */
export async function measureTokenLogprobs(
  runtime: InferenceRuntime,
  text: string,
  options: MeasureTokenLogprobsOptions = {},
): Promise<number[]> {
  const bos = runtime.native.tokens.bos;
  const lead = bos !== null && runtime.native.tokens.shouldPrependBosToken ? [bos] : [];
  const room = runtime.context.contextSize - lead.length;
  const tokens = [...lead, ...runtime.tokenizer.tokenizeText(text, false, false).slice(-room)];
  if (tokens.length < 2) return [];
  const slots = await runtime.pool.acquire([], 1, options.signal);
  const slot = slots?.[0];
  if (!slot) throw abortedOrDisposed(options.signal);
  try {
    await slot.sequence.clearHistory();
    const logprobs: number[] = [];
    for (let start = 0; start < tokens.length - 1; start += chunkSize) {
      if (options.signal?.aborted) throw abortedOrDisposed(options.signal);
      const chunk = tokens.slice(start, Math.min(start + chunkSize, tokens.length - 1));
      const next = await evaluateWithDistributions(slot.sequence, chunk);
      next.forEach((distribution, index) => {
        const token = tokens[start + index + 1] as number;
        logprobs.push(Math.log(distribution?.get(token) ?? 0));
      });
    }
    return logprobs;
  } finally {
    runtime.pool.release([slot]);
  }
}

function abortedOrDisposed(signal?: AbortSignal): LlamaError {
  return signal?.aborted
    ? new LlamaError("ABORTED", "Expected to measure the text's tokens, got an abort signal first.")
    : new LlamaError("GENERATION_FAILED", "Expected a loaded model, got one that is disposed.");
}
