import type { PromptSegment } from "@deliberate/core/model";
import type { LlamaModel as NativeModel } from "node-llama-cpp";
import type { SegmentTokenizer } from "./segment-tokenizer.js";

/**
 * A base (not chat-tuned) model reads the segments concatenated, after BOS when the model wants
 * one. Each segment is tokenized on its own, so a prompt that extends another shares its tokens.
 */
export function renderBasePrompt(
  model: NativeModel,
  tokenizer: SegmentTokenizer,
  segments: readonly PromptSegment[],
): number[] {
  const tokens: number[] = [];
  const bos = model.tokens.bos;
  if (bos !== null && model.tokens.shouldPrependBosToken) tokens.push(bos);
  segments.forEach((segment, index) => {
    // One push per token: spreading a long segment's tokens into push() overflows the stack.
    for (const token of tokenizer.tokenize(segment, index > 0)) tokens.push(token);
  });
  return tokens;
}
