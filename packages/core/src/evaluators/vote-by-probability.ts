import type { SearchScope } from "../plugins/search-scope.js";
import type { TaskPrompt } from "../task/task.js";

/** Choices a vote can read from one token: "10" would begin with "1". */
export const MOST_CHOICES_BY_PROBABILITY = 9;

/** Asks for the number alone, so the reply's first token is the choice. */
const NUMBER_ONLY = "Answer with the number of the best choice only.\n";

/**
 * Each choice's share of the vote from the model's probability of its number as the reply — one
 * scoring call instead of `samples` sampled votes; an engine that gives `top_logprobs` answers it
 * from a single token. `undefined` when the call fails or no choice has any probability (the
 * caller then samples).
 */
export async function voteByProbability(
  scope: SearchScope,
  prompt: TaskPrompt,
  count: number,
  priority: number,
  signal: AbortSignal,
): Promise<number[] | undefined> {
  const outcome = await scope.scoreOptions(
    {
      segments: [...prompt.segments, { role: "user", text: NUMBER_ONLY, trusted: true }],
      options: Array.from({ length: count }, (_, index) => String(index + 1)),
    },
    priority,
    signal,
  );
  if (!outcome.ok) return undefined;
  const probabilities = outcome.value.probabilities.map((p) =>
    Number.isFinite(p) && p > 0 ? p : 0,
  );
  const total = probabilities.reduce((sum, p) => sum + p, 0);
  return total > 0 ? probabilities.map((p) => p / total) : undefined;
}
