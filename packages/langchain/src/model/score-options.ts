import type { BaseMessage } from "@langchain/core/messages";

type Loose = Record<string, unknown>;

/** The first generated token's alternatives with their log-probabilities (OpenAI's shape). */
function readTopTokens(message: BaseMessage): { token: string; logprob: number }[] {
  const logprobs = (message.response_metadata as Loose | undefined)?.logprobs as Loose | undefined;
  const first = Array.isArray(logprobs?.content) ? (logprobs.content[0] as Loose) : undefined;
  const top = Array.isArray(first?.top_logprobs) ? (first.top_logprobs as Loose[]) : [];
  return top.flatMap((entry) =>
    typeof entry.token === "string" && typeof entry.logprob === "number"
      ? [{ token: entry.token, logprob: entry.logprob }]
      : [],
  );
}

/**
 * How likely each option is as the reply, from the first token alone: a top token counts for
 * every option it begins (case and surrounding space aside), so `" sure"` and `"Sure"` both count
 * for `sure`. A piece shorter than three characters counts only as the whole option, or `"I"`
 * (as in "I think") would count for `impossible`. Normalized over the options; `undefined` when
 * no top token begins any option.
 *
 * @example
 * ```ts
 * // top tokens: "sure" (p 0.6), "likely" (p 0.3), "I" (p 0.1)
 * scoreOptionsFromTopTokens(message, [" sure", " likely", " impossible"]); // [0.667, 0.333, 0]
 * ```
 */
export function scoreOptionsFromTopTokens(
  message: BaseMessage,
  options: readonly string[],
): number[] | undefined {
  const wanted = options.map((option) => option.trim().toLowerCase());
  const mass = wanted.map(() => 0);
  for (const { token, logprob } of readTopTokens(message)) {
    const piece = token.trim().toLowerCase();
    if (piece.length === 0) continue;
    wanted.forEach((option, index) => {
      const begins = option.startsWith(piece) && (piece.length >= 3 || piece === option);
      if (begins) mass[index] = (mass[index] ?? 0) + Math.exp(logprob);
    });
  }
  const total = mass.reduce((sum, value) => sum + value, 0);
  return total > 0 ? mass.map((value) => value / total) : undefined;
}
