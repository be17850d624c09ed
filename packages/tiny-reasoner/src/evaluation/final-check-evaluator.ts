import { type Evaluator, valueEvaluator } from "@deliberate/core";
import type { Evaluation } from "@deliberate/core/plugins";
import { canReachGame24, type Game24State } from "@deliberate/tasks";

/**
 * The model's own value judgments (P(word) of ` sure` / ` likely` / ` impossible`), except on
 * states with two numbers or fewer left, which are judged exactly: 1 when one more operation makes
 * 24, else 0. That is the exact verifier of final states applied one step early (four operations
 * on two numbers), not a solver search: states of three or more numbers keep the model's judgment.
 *
 * @example
 * ```ts
 * await think(createGame24Task("4 5 6 10", { profile: "compact" }), {
 *   model,
 *   strategy: { name: "beam", width: 5, branching: 5 },
 *   evaluator: createFinalCheckEvaluator(),
 * });
 * ```
 */
export function createFinalCheckEvaluator(): Evaluator {
  const value = valueEvaluator.create({ probabilities: true });
  return {
    name: "value+final-check",
    async evaluate(scope, targets, signal) {
      const results = new Map<number, Evaluation>();
      const judged = targets.filter(({ id }) => {
        const state = scope.taskNode(id).state as Game24State;
        if (state.left.length > 2) return true;
        const made = canReachGame24(state.left.map((n) => n.value));
        const score = made ? 1 : 0;
        results.set(id, {
          value: score,
          scores: [{ source: "heuristic", value: score, detail: "exact: one operation left" }],
        });
        return false;
      });
      if (judged.length === 0) return results;
      for (const [id, evaluation] of await value.evaluate(scope, judged, signal)) {
        results.set(id, evaluation);
      }
      return results;
    },
  };
}
