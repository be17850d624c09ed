import type { NodeScore } from "../tree/schema.js";
import type { Evaluation, Evaluator } from "./evaluator.js";

export interface WeightedEvaluator {
  readonly evaluator: Evaluator;
  /** @default 1 */
  readonly weight?: number;
}

/**
 * Runs several evaluators and ranks by the weighted mean of the scores each gave (a node one of
 * them could not score is averaged over the others). Every part's score is kept on the node.
 *
 * @example
 * ```ts
 * combineEvaluators([{ evaluator: valueEvaluator(), weight: 2 }, { evaluator: confidenceEvaluator() }]);
 * ```
 */
export function combineEvaluators(parts: readonly WeightedEvaluator[]): Evaluator {
  return {
    name: `combine(${parts.map((part) => part.evaluator.name).join(",")})`,
    needsLogprobs: parts.some((part) => part.evaluator.needsLogprobs),
    async evaluate(context, targets, signal) {
      const outputs = await Promise.all(
        parts.map((part) => part.evaluator.evaluate(context, targets, signal)),
      );
      const results = new Map<number, Evaluation>();
      for (const { id } of targets) {
        let weighted = 0;
        let weights = 0;
        const scores: NodeScore[] = [];
        outputs.forEach((output, index) => {
          const evaluation = output.get(id);
          if (!evaluation) return;
          const weight = parts[index]?.weight ?? 1;
          weighted += weight * evaluation.value;
          weights += weight;
          scores.push(...evaluation.scores);
        });
        if (weights === 0) continue;
        const value = weighted / weights;
        results.set(id, { value, scores: [...scores, { source: "combined", value }] });
      }
      return results;
    },
  };
}
