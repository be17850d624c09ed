import type { EvaluatorOption, Task } from "@deliberate/core";

/**
 * The `verifier` evaluator for a task created with `pruneDeadEnds`: its `verify` is then an exact
 * solver that scores a dead end 0 and says nothing of a state that can still be finished. Left
 * unscored, those states would rank as 0 too, so they score 1 here: the evaluator becomes an exact
 * feasibility check. It is an oracle — good for a demo or an upper bound, not a fair benchmark.
 */
export function createFeasibilityEvaluator(task: Task<unknown>): EvaluatorOption {
  const verify = task.verify?.bind(task);
  return {
    name: "verifier",
    verify: (node, answer) => (verify ? (verify(node, answer) ?? 1) : undefined),
  };
}
