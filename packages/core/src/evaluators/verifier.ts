import type { TaskNode } from "../task/task.js";
import { clampUnit, type Evaluation, type Evaluator } from "./evaluator.js";

/** Scores a state exactly, or returns `undefined` when it cannot tell. */
export type VerifyFunction = (
  node: TaskNode<unknown>,
  answer: string | undefined,
) => number | undefined;

/**
 * The `verifier` evaluator: an exact score from code or a tool — the given function, else the
 * task's own `verify`. Costs no model call.
 *
 * @example
 * ```ts
 * await think(task, { model, evaluator: { name: "verifier", verify: (node) => (isSolvable(node.state) ? 1 : 0) } });
 * ```
 */
export function verifierEvaluator(verify?: VerifyFunction): Evaluator {
  return {
    name: "verifier",
    async evaluate(context, targets) {
      const results = new Map<number, Evaluation>();
      const check = verify ?? context.task.verify?.bind(context.task);
      if (!check) return results;
      for (const { id } of targets) {
        const node = context.tree.node(id);
        const verdict = check(context.taskNode(id), node.answer);
        if (verdict === undefined) continue;
        const value = clampUnit(verdict);
        results.set(id, { value, scores: [{ source: "verifier", value }] });
      }
      return results;
    },
  };
}
