import type { TreeNode } from "../tree/schema.js";
import { isViable, type StrategyView } from "./strategy.js";

/** Rollouts started together from the root: a local model decodes them in one batch. */
export const ROLLOUT_CHUNK = 8;

/** Whether a rollout standing at `node` can take another step. */
function canStep(node: TreeNode | undefined, view: StrategyView): node is TreeNode {
  return (
    node !== undefined && isViable(node) && node.status !== "terminal" && node.depth < view.maxDepth
  );
}

/**
 * Where a rollout goes after its step wrote `node`: the new state itself, or — when the step
 * repeated a sibling's text or reached a state another node stands for — that node, so a rollout
 * walks through the known tree for the price of one sampled step a level and grows it where its
 * samples are new. `undefined` when it has ended (an answer, an invalid step, the depth limit).
 */
export function followRollout(node: TreeNode, view: StrategyView): number | undefined {
  let at: TreeNode | undefined = node;
  // A repeat's twin may itself be a repeat: follow the chain of twins, never round a loop.
  for (let hops = 0; at && hops < 4; hops += 1) {
    if (at.status !== "pruned") return canStep(at, view) ? at.id : undefined;
    const current: TreeNode = at;
    const sibling = view
      .children(current.parent ?? 0)
      .find((other) => other.id < current.id && other.text.trim() === current.text.trim());
    const twin = sibling?.id ?? view.twinOf?.(current);
    at = twin === undefined ? undefined : view.nodes[twin];
  }
  return undefined;
}

/**
 * The nodes the rollouts stand at that can take another step, one entry a rollout: two rollouts
 * at one state sample two continuations of it, as two independent chains would.
 */
export function gatherWalkers(ids: readonly (number | undefined)[], view: StrategyView): number[] {
  return ids.filter((id): id is number => id !== undefined && canStep(view.nodes[id], view));
}

/** Walkers grouped by node: the ids to expand and how many continuations each asks. */
export function groupWalkers(walkers: readonly number[]): { ids: number[]; counts: number[] } {
  const counts = new Map<number, number>();
  for (const id of walkers) counts.set(id, (counts.get(id) ?? 0) + 1);
  return { ids: [...counts.keys()], counts: [...counts.values()] };
}
