/** Where the earliest of `stops` starts in `text`, or -1. */
export function findStop(text: string, stops: readonly string[]): number {
  let earliest = -1;
  for (const stop of stops) {
    if (stop.length === 0) continue;
    const index = text.indexOf(stop);
    if (index >= 0 && (earliest < 0 || index < earliest)) earliest = index;
  }
  return earliest;
}

/** Turns tokens into text and text into tokens, as the loaded model does. */
export interface TokenCodec {
  detokenize(tokens: readonly number[]): string;
  /** Tokenizes text that continues other text: no leading space added, no special tokens. */
  tokenizeContinuation(text: string): number[];
}

/** Tokens whose text is exactly `text`, and how many of the original tokens were kept whole. */
export interface CutTokens {
  readonly tokens: number[];
  readonly kept: number;
}

/**
 * Cuts generated tokens at a stop string found at character `cut`. The token the stop string
 * starts inside is replaced by the tokens of its part before the cut, so the returned tokens
 * spell the returned text exactly and a later prompt can reuse them as they are.
 */
export function cutTokensAt(tokens: readonly number[], cut: number, codec: TokenCodec): CutTokens {
  let kept = 0;
  let keptText = "";
  while (kept < tokens.length) {
    const next = codec.detokenize(tokens.slice(0, kept + 1));
    if (next.length > cut) break;
    kept++;
    keptText = next;
  }
  const whole = tokens.slice(0, kept);
  const fullText = codec.detokenize(tokens);
  const rest = fullText.slice(keptText.length, cut);
  return {
    tokens: rest.length > 0 ? [...whole, ...codec.tokenizeContinuation(rest)] : whole,
    kept,
  };
}
