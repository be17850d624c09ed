import type { LlamaContextSequence } from "node-llama-cpp";
import { asTokens } from "./token-prefix.js";

/** What bringing a sequence to a prompt cost. */
export interface PromptEvaluation {
  /** Tokens actually evaluated (the rest were already in the sequence). */
  readonly evaluated: number;
  readonly aborted: boolean;
}

/**
 * Sizes prompt chunks so that each takes about `targetMs`, whatever the model and the load on
 * the machine: llama.cpp does not look at an abort signal during a decode, so the chunk time
 * bounds how late an abort lands. The speed estimate follows the measured chunks.
 */
export class PromptChunker {
  private tokensPerMs: number | undefined;

  constructor(
    private readonly targetMs: number,
    private readonly maxChunk: number,
  ) {}

  nextSize(): number {
    if (this.tokensPerMs === undefined) return Math.min(16, this.maxChunk);
    return Math.max(4, Math.min(this.maxChunk, Math.floor(this.tokensPerMs * this.targetMs)));
  }

  record(tokens: number, ms: number): void {
    if (ms <= 0) return;
    const rate = tokens / ms;
    this.tokensPerMs = this.tokensPerMs === undefined ? rate : 0.5 * this.tokensPerMs + 0.5 * rate;
  }
}

/**
 * Brings `sequence` to hold exactly `tokens`: keeps the shared prefix, erases the rest, evaluates
 * the missing tail in chunks, checking the signal between chunks.
 */
export async function evaluatePrompt(
  sequence: LlamaContextSequence,
  tokens: readonly number[],
  chunker: PromptChunker,
  signal?: AbortSignal,
): Promise<PromptEvaluation> {
  await sequence.adaptStateToTokens(asTokens(tokens), false);
  let evaluated = 0;
  while (sequence.nextTokenIndex < tokens.length) {
    if (signal?.aborted) return { evaluated, aborted: true };
    const start = sequence.nextTokenIndex;
    const chunk = tokens.slice(start, start + chunker.nextSize());
    const startedAt = performance.now();
    await sequence.evaluateWithoutGeneratingNewTokens(asTokens(chunk));
    chunker.record(chunk.length, performance.now() - startedAt);
    evaluated += chunk.length;
  }
  return { evaluated, aborted: false };
}
