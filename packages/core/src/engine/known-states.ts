import type { NodeScore, TreeNode } from "../tree/schema.js";
import type { StateIndex } from "./state-index.js";

/** The nodes a step must evaluate, and those that take the score of an earlier node instead. */
export interface EvaluationPlan {
  readonly targets: readonly TreeNode[];
  /** Node id → the id of the node in the same state whose score it takes. */
  readonly copies: ReadonlyMap<number, number>;
}

/**
 * Splits the nodes a step wants scored: a node in a state an earlier node was scored in, or in the
 * same state as a node earlier in this batch, takes that score; only the rest are evaluated, so no
 * state key is ever evaluated twice.
 */
export function planEvaluations(nodes: readonly TreeNode[], states: StateIndex): EvaluationPlan {
  const copies = new Map<number, number>();
  const firstByKey = new Map<string, number>();
  const targets = nodes.filter((node) => {
    const twin = states.scoredTwinOf(node);
    const key = node.status === "terminal" ? undefined : states.keyOf(node);
    const first = key === undefined ? undefined : firstByKey.get(key);
    const from = twin?.id ?? first;
    if (from !== undefined) {
      copies.set(node.id, from);
      return false;
    }
    if (key !== undefined) firstByKey.set(key, node.id);
    return true;
  });
  return { targets, copies };
}

/** The evaluator's scores of `source`, said to come from that node (not the exact verifier's). */
export function borrowScores(source: TreeNode): NodeScore[] {
  return source.scores
    .filter((score) => score.source !== "verifier")
    .map((score) => ({ ...score, detail: `the same state as node ${source.id}` }));
}
