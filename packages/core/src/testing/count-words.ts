/** Words in a text: how the test models count tokens, so budgets in tests are easy to reason about. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed.length === 0 ? 0 : trimmed.split(/\s+/).length;
}

/** Cuts a reply where a stop string starts and to `maxTokens` words, as a backend would. */
export function shapeReply(
  text: string,
  stop: readonly string[] | undefined,
  maxTokens: number,
): { text: string; finishReason: "stop" | "length" } {
  let cut = text;
  for (const sequence of stop ?? []) {
    const at = sequence.length > 0 ? cut.indexOf(sequence) : -1;
    if (at >= 0) cut = cut.slice(0, at);
  }
  const words = cut.split(/(\s+)/);
  let count = 0;
  let kept = "";
  for (const piece of words) {
    if (piece.trim().length > 0) {
      if (count === maxTokens) return { text: kept, finishReason: "length" };
      count += 1;
    }
    kept += piece;
  }
  return { text: kept, finishReason: "stop" };
}

/** A small seeded generator (mulberry32): the same seed, the same numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
