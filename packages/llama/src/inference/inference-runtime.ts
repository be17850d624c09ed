import type { PromptSegment } from "@deliberate/core/model";
import type { LlamaContext, LlamaModel as NativeModel } from "node-llama-cpp";
import type { GrammarCache } from "./constraint-grammar.js";
import type { PromptChunker } from "./prompt-evaluation.js";
import type { SegmentTokenizer } from "./segment-tokenizer.js";
import type { SequencePool } from "./sequence-pool.js";
import type { TokenCodec } from "./stop-strings.js";
import { asTokens } from "./token-prefix.js";

/** What the inference functions share for one loaded model. */
export interface InferenceRuntime {
  readonly native: NativeModel;
  readonly context: LlamaContext;
  readonly pool: SequencePool;
  readonly tokenizer: SegmentTokenizer;
  readonly grammars: GrammarCache;
  /** Turns segments into the token ids the model reads (plain or through its chat template). */
  readonly render: (segments: readonly PromptSegment[]) => number[];
  /** Where forked sequence states are written for a moment. */
  readonly scratchDir: string;
  /** Sizes prompt chunks (one decode each) so an abort lands between them soon enough. */
  readonly promptChunker: PromptChunker;
  /** A sibling whose own history misses more than this many prompt tokens is forked, not evaluated. */
  readonly forkThreshold: number;
}

/** Detokenizes generated tokens as the continuation of `prompt` (SPM models need the context). */
export function createTokenCodec(native: NativeModel, prompt: readonly number[]): TokenCodec {
  const context = prompt.slice(-8);
  return {
    detokenize: (tokens) => native.detokenize(asTokens(tokens), false, asTokens(context)),
    tokenizeContinuation: (text) => native.tokenize(text, false, "trimLeadingSpace"),
  };
}
