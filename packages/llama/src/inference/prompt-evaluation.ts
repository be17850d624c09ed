import type { LlamaContextSequence } from "node-llama-cpp";
import { asTokens } from "./token-prefix.js";

/** What bringing a sequence to a prompt cost. */
export interface PromptEvaluation {
  /** Tokens actually evaluated (the rest were already in the sequence). */
  readonly evaluated: number;
  readonly aborted: boolean;
}

/**
 * Brings `sequence` to hold exactly `tokens`: keeps the shared prefix, erases the rest, evaluates
 * the missing tail. The tail goes in chunks because llama.cpp does not look at an abort signal
 * during a decode: a chunk bounds how late an abort can land.
 */
export async function evaluatePrompt(
  sequence: LlamaContextSequence,
  tokens: readonly number[],
  chunkSize: number,
  signal?: AbortSignal,
): Promise<PromptEvaluation> {
  await sequence.adaptStateToTokens(asTokens(tokens), false);
  let evaluated = 0;
  while (sequence.nextTokenIndex < tokens.length) {
    if (signal?.aborted) return { evaluated, aborted: true };
    const start = sequence.nextTokenIndex;
    const chunk = tokens.slice(start, start + chunkSize);
    await sequence.evaluateWithoutGeneratingNewTokens(asTokens(chunk));
    evaluated += chunk.length;
  }
  return { evaluated, aborted: false };
}
