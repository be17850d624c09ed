/**
 * Something that reads a text and tells how likely each of its tokens was, given the ones before:
 * natural log-probabilities, one per scored token. `LlamaModel` from `@deliberate/llama` is one
 * (`measureTokenLogprobs`); wrap any other model that can score a given text.
 */
export interface TokenLogprobScorer {
  measureTokenLogprobs(
    text: string,
    options?: { readonly signal?: AbortSignal },
  ): Promise<readonly number[]>;
}

/**
 * Perplexity of the last `window` log-probabilities: `exp(−mean)`. 1 for no tokens; `Infinity`
 * when a token had probability 0.
 *
 * @example
 * ```ts
 * measureTailPerplexity([Math.log(0.5), Math.log(0.25)], 2); // 2.828… (= 1 / √(0.5 · 0.25))
 * ```
 */
export function measureTailPerplexity(
  logprobs: readonly number[],
  window: number,
): { readonly perplexity: number; readonly tokens: number } {
  const tail = logprobs.slice(-window);
  if (tail.length === 0) return { perplexity: 1, tokens: 0 };
  const mean = tail.reduce((sum, logprob) => sum + logprob, 0) / tail.length;
  return { perplexity: Math.exp(-mean), tokens: tail.length };
}
