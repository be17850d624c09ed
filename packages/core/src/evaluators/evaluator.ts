import type { SearchScope } from "../plugins/search-scope.js";
import type { NodeScore } from "../tree/schema.js";

/** A node to evaluate, with the log-probabilities of the step that made it when known. */
export interface EvaluationTarget {
  readonly id: number;
  readonly logprobs?: readonly number[];
}

/** An evaluation of one node: the value strategies rank by, and every score behind it. */
export interface Evaluation {
  readonly value: number;
  readonly scores: readonly NodeScore[];
}

/**
 * Scores states. Nodes it cannot score are left out of the returned map (they rank as an even
 * chance, 0.5: see `rankOf`).
 *
 * @example
 * ```ts
 * const lengthPenalty: Evaluator = {
 *   name: "short",
 *   async evaluate(scope, targets) {
 *     return new Map(targets.map(({ id }) => {
 *       const value = 1 / (1 + scope.node(id).text.length / 100);
 *       return [id, { value, scores: [{ source: "heuristic", value }] }];
 *     }));
 *   },
 * };
 * ```
 */
export interface Evaluator {
  readonly name: string;
  /** Whether generators must ask the model for token log-probabilities. @default false */
  readonly needsLogprobs?: boolean;
  evaluate(
    scope: SearchScope,
    targets: readonly EvaluationTarget[],
    signal: AbortSignal,
  ): Promise<ReadonlyMap<number, Evaluation>>;
}

/** One evaluation from one score. */
export function evaluationOf(score: NodeScore): Evaluation {
  return { value: score.value, scores: [score] };
}

/** Keeps a value inside [0, 1] (model output and user code can stray). */
export function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
