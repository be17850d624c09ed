import { z } from "zod";
import { defineEvaluator } from "../plugins/plugin.js";
import type { TaskNode } from "../task/task.js";
import { clampUnit, type Evaluation } from "./evaluator.js";

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
export const verifierEvaluator = defineEvaluator({
  name: "verifier",
  description: "an exact score from code: the given verify function, else the task's own",
  options: z.strictObject({
    /** Scores a state exactly. @default the task's own `verify` */
    verify: z
      .custom<VerifyFunction>((value) => typeof value === "function", { message: "a function" })
      .optional(),
  }),
  create: ({ verify }) => ({
    name: "verifier",
    async evaluate(scope, targets) {
      const results = new Map<number, Evaluation>();
      const check = verify ?? scope.task.verify?.bind(scope.task);
      if (!check) return results;
      for (const { id } of targets) {
        const node = scope.node(id);
        const verdict = check(scope.taskNode(id), node.answer);
        if (verdict === undefined) continue;
        const value = clampUnit(verdict);
        results.set(id, { value, scores: [{ source: "verifier", value }] });
      }
      return results;
    },
  }),
});
