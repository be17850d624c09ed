import type { BudgetLimit } from "../budget/budget.js";
import type { PathStep, Result, SearchUsage, StopReason } from "../search/result.js";
import { isViable, rankOf } from "../strategies/strategy.js";
import type { GuardRecord, SearchTree, TreeNode } from "../tree/schema.js";

/** Verified answers first, then unverifiable ones by score, then answers the verifier rejected. */
function answerRank(node: TreeNode): number {
  if (node.verified === true) return 2;
  if (node.verified === undefined) return 1;
  return 0;
}

/** The best terminal node: verified first, then by score, then the earliest. */
export function findBestAnswer(nodes: readonly TreeNode[]): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const node of nodes) {
    if (node.status !== "terminal" || node.answer === undefined) continue;
    if (
      !best ||
      answerRank(node) > answerRank(best) ||
      (answerRank(node) === answerRank(best) && rankOf(node) > rankOf(best))
    ) {
      best = node;
    }
  }
  return best;
}

/** The state to complete when no answer was found: the best-scored viable node, deeper on ties. */
export function findBestPartial(nodes: readonly TreeNode[]): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const node of nodes) {
    if (!isViable(node) || node.status === "terminal") continue;
    const better =
      !best ||
      rankOf(node) > rankOf(best) ||
      (rankOf(node) === rankOf(best) && node.depth > best.depth);
    if (better) best = node;
  }
  return best;
}

/** The nodes `ids` as result steps. */
export function describePath(nodes: readonly TreeNode[], ids: readonly number[]): PathStep[] {
  return ids.map((id) => {
    const node = nodes[id] as TreeNode;
    return node.score === undefined
      ? { id, text: node.text }
      : { id, text: node.text, score: node.score };
  });
}

/** What {@link buildResult} needs to know of a search that stopped. */
export interface Outcome {
  readonly tree: SearchTree;
  readonly answer: TreeNode | undefined;
  readonly stopReason: StopReason;
  readonly limit: BudgetLimit | undefined;
  readonly error: string | undefined;
  readonly blocked?: GuardRecord | undefined;
  readonly usage: Omit<SearchUsage, "nodes" | "toolCalls">;
}

/** The result of a search: the answer and the path to it (or to the best partial state). */
export function buildResult(outcome: Outcome): Result {
  const { tree, answer } = outcome;
  const pathIds = tree.bestPath ?? [0];
  const last = tree.nodes[pathIds.at(-1) ?? 0];
  return {
    ...(answer?.answer === undefined ? {} : { answer: answer.answer }),
    ...(answer?.verified === undefined ? {} : { verified: answer.verified }),
    stopReason: outcome.stopReason,
    ...(outcome.stopReason === "budget" && outcome.limit ? { limit: outcome.limit } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.stopReason === "blocked" && outcome.blocked ? { blocked: outcome.blocked } : {}),
    best: { path: describePath(tree.nodes, pathIds.slice(1)), score: last?.score ?? 0 },
    tree,
    usage: {
      ...outcome.usage,
      nodes: tree.nodes.length,
      // Counted from the tree, so a resumed search counts the calls made before its pause.
      toolCalls: tree.nodes.filter((node) => node.observation !== undefined).length,
    },
  };
}
