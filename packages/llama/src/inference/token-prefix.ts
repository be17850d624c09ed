import type { Token } from "node-llama-cpp";

/** Length of the longest common prefix of two token lists. */
export function measureCommonPrefix(a: readonly number[], b: readonly number[]): number {
  const limit = Math.min(a.length, b.length);
  let index = 0;
  while (index < limit && a[index] === b[index]) index++;
  return index;
}

/** The binding brands token ids; ours are plain numbers that came from the same model. */
export function asTokens(ids: readonly number[]): Token[] {
  return ids as Token[];
}
