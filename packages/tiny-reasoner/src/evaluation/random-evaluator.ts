import type { Evaluator } from "@deliberate/core";
import { createRandom } from "@deliberate/tasks";

/**
 * An evaluator that scores every state with a seeded random number: the ablation that shows what
 * the model's own value judgments add to a beam (same search, ranking without information).
 */
export function createRandomEvaluator(seed: number): Evaluator {
  const random = createRandom(seed);
  return {
    name: "random",
    async evaluate(_context, targets) {
      return new Map(
        targets.map(({ id }) => {
          const value = random();
          return [id, { value, scores: [{ source: "heuristic", value, detail: "random" }] }];
        }),
      );
    },
  };
}
