import type { LlamaModel as NativeModel, Token } from "node-llama-cpp";

/**
 * Tells which token ids of one model are plain text: ids of the vocabulary that are neither
 * control tokens (`<|im_start|>`, `<s>`), nor end-of-generation tokens, nor tokens that have a
 * special spelling only — node-llama-cpp's `isSpecialToken`. Plain-text tokenization never gives
 * anything else, so a generated thought that holds such a token would replay it into later
 * prompts as structure (a turn marker) that no text could have produced. Answers are memoized:
 * each asks llama.cpp up to three times, and the same few hundred ids come back every step.
 */
export class TextTokens {
  private readonly known = new Map<number, boolean>();
  private readonly size: number;

  constructor(private readonly model: NativeModel) {
    // What `iterateAllTokens` counts. An id past it would abort the process inside llama.cpp
    // (std::out_of_range), so it is checked before llama.cpp is asked anything.
    const tokens = model.fileInfo.metadata?.tokenizer?.ggml?.tokens;
    this.size = Array.isArray(tokens) ? tokens.length : 0;
  }

  /** `true` when `token` is an id of the vocabulary that stands for plain text. */
  isText(token: number): boolean {
    if (!Number.isInteger(token) || token < 0 || token >= this.size) return false;
    let text = this.known.get(token);
    if (text === undefined) {
      text = !this.model.isSpecialToken(token as Token);
      this.known.set(token, text);
    }
    return text;
  }

  /** `true` when every id of `tokens` is plain text. */
  areText(tokens: readonly number[]): boolean {
    return tokens.every((token) => this.isText(token));
  }
}
