import type { ModelUsage } from "../model/model.js";

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

/** The usage of one test-model call: tokens counted as words, the whole prompt evaluated. */
export function measureTestUsage(prompt: string, texts: readonly string[], ms: number): ModelUsage {
  const promptTokens = countWords(prompt);
  return {
    promptTokens,
    evaluatedPromptTokens: promptTokens,
    generatedTokens: texts.reduce((sum, text) => sum + countWords(text), 0),
    calls: 1,
    forks: 0,
    ms,
  };
}
