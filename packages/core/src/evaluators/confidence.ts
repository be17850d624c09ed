import { z } from "zod";
import { defineEvaluator } from "../plugins/plugin.js";
import type { Evaluation } from "./evaluator.js";

/**
 * The `confidence` evaluator: the geometric mean probability of the step's tokens, from the
 * log-probabilities the model gave while writing it. Costs no model call.
 *
 * @example
 * ```ts
 * await think(task, { model, evaluator: "confidence" });
 * ```
 */
export const confidenceEvaluator = defineEvaluator({
  name: "confidence",
  description: "the geometric mean probability of the step's own tokens (no model call)",
  options: z.strictObject({}),
  create: () => ({
    name: "confidence",
    needsLogprobs: true,
    async evaluate(_context, targets) {
      const results = new Map<number, Evaluation>();
      for (const { id, logprobs } of targets) {
        if (!logprobs || logprobs.length === 0) continue;
        const mean = logprobs.reduce((sum, lp) => sum + lp, 0) / logprobs.length;
        const value = Math.exp(mean);
        results.set(id, {
          value,
          scores: [
            {
              source: "confidence",
              value,
              detail: `mean log-prob ${mean.toFixed(3)} over ${logprobs.length} tokens`,
            },
          ],
        });
      }
      return results;
    },
  }),
});
