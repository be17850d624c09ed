import type { SearchTree, TreeNode } from "@deliberate/core";
import { indexTree } from "../tree/tree-index.js";

/** What a node's size stands for: tokens the model evaluated and generated, or its time. */
export type SvgWeight = "tokens" | "time";

/** A node as the picture draws it: one node of the tree, or a fold of siblings it had no room for. */
export interface DrawnNode {
  readonly key: string;
  /** The tree's node; absent for a fold. */
  readonly node?: TreeNode;
  /** How many nodes a fold stands for, their descendants included (0 for a real node). */
  readonly folded: number;
  /** The node's own weight, or a fold's whole weight (every folded subtree). */
  readonly weight: number;
  readonly depth: number;
  readonly best: boolean;
  /** Pruned, or below a pruned node: drawn faded. */
  readonly faded: boolean;
  readonly children: DrawnNode[];
}

/** Limits that keep a picture of any tree bounded. */
export interface SelectLimits {
  /** Most nodes drawn in one layer, folds included (a little more when every parent needs a fold). */
  readonly maxPerLayer: number;
  /** Deepest level drawn; what lies below becomes one fold per parent. */
  readonly maxLevels: number;
  readonly weight: SvgWeight;
}

/** The drawn tree, and what it left out. */
export interface DrawnTree {
  readonly root: DrawnNode;
  /** Nodes folded into `+N` nodes. */
  readonly folded: number;
  /** Nodes not connected to the first root (a malformed or partial tree): not drawn. */
  readonly detached: number;
}

/** A node's own weight; at least 1 so that a node that cost nothing (the root) still shows. */
export function weighNode(node: TreeNode, weight: SvgWeight): number {
  const own =
    weight === "time"
      ? node.usage.ms
      : node.usage.evaluatedPromptTokens + node.usage.generatedTokens;
  return Math.max(1, Number.isFinite(own) ? own : 0);
}

/**
 * Chooses the nodes a picture draws. Every node is drawn while its layer fits `maxPerLayer`; a
 * layer wider than that keeps its best-ranked nodes (best path, then not pruned, then score,
 * then weight) and folds the rest of each parent's children, with their subtrees, into one `+N`
 * node that keeps their count and weight, so an icicle's widths stay true. Levels past
 * `maxLevels` fold the same way. Iterative throughout: a 10,000-deep chain does not overflow.
 */
export function selectDrawnNodes(tree: SearchTree, limits: SelectLimits): DrawnTree {
  const index = indexTree(tree);
  const first = index.roots[0] as TreeNode;
  const kids = (node: TreeNode) => index.children.get(node.id) ?? [];
  // Subtree sizes and weights, children before parents; a node reachable twice counts once.
  const order: TreeNode[] = [];
  const seen = new Set<number>();
  const stack = [first];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    order.push(node);
    for (const child of kids(node)) if (!seen.has(child.id)) stack.push(child);
  }
  const size = new Map<number, number>();
  const total = new Map<number, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as TreeNode;
    let count = 1;
    let sum = weighNode(node, limits.weight);
    for (const child of kids(node)) {
      count += size.get(child.id) ?? 0;
      sum += total.get(child.id) ?? 0;
    }
    size.set(node.id, count);
    total.set(node.id, sum);
  }
  const make = (node: TreeNode, depth: number, fadedAbove: boolean): DrawnNode => ({
    key: String(node.id),
    node,
    folded: 0,
    weight: weighNode(node, limits.weight),
    depth,
    best: index.best.has(node.id),
    faded: fadedAbove || node.status === "pruned",
    children: [],
  });
  const root = make(first, 0, false);
  let layer = [root];
  let folded = 0;
  const placed = new Set<number>([first.id]);
  for (let depth = 1; layer.length > 0; depth++) {
    const candidates: Array<{ parent: DrawnNode; node: TreeNode }> = [];
    for (const parent of layer) {
      if (!parent.node) continue;
      for (const node of kids(parent.node)) {
        if (placed.has(node.id)) continue;
        placed.add(node.id);
        candidates.push({ parent, node });
      }
    }
    const parents = new Set(candidates.map((c) => c.parent));
    const room =
      depth > limits.maxLevels
        ? 0
        : candidates.length <= limits.maxPerLayer
          ? candidates.length
          : Math.max(1, limits.maxPerLayer - parents.size);
    const kept = new Set(rankCandidates(candidates, index.best).slice(0, room));
    const next: DrawnNode[] = [];
    const folds = new Map<DrawnNode, { count: number; weight: number; faded: boolean }>();
    for (const candidate of candidates) {
      const { parent, node } = candidate;
      if (kept.has(candidate)) {
        const drawn = make(node, depth, parent.faded);
        parent.children.push(drawn);
        next.push(drawn);
        continue;
      }
      const fold = folds.get(parent) ?? { count: 0, weight: 0, faded: true };
      fold.count += size.get(node.id) ?? 1;
      fold.weight += total.get(node.id) ?? 1;
      fold.faded &&= parent.faded || node.status === "pruned";
      folds.set(parent, fold);
    }
    for (const [parent, fold] of folds) {
      folded += fold.count;
      parent.children.push({
        key: `fold-${parent.key}`,
        folded: fold.count,
        weight: fold.weight,
        depth,
        best: false,
        faded: fold.faded,
        children: [],
      });
    }
    layer = next;
  }
  return { root, folded, detached: Math.max(0, tree.nodes.length - seen.size) };
}

/** The order in which a layer that is too wide keeps its nodes. */
function rankCandidates<T extends { node: TreeNode }>(
  candidates: readonly T[],
  best: ReadonlySet<number>,
): T[] {
  const rank = (node: TreeNode) => [
    best.has(node.id) ? 0 : 1,
    node.status === "pruned" || node.status === "failed" || node.status === "invalid" ? 1 : 0,
    -(node.score ?? -1),
  ];
  return [...candidates].sort((a, b) => {
    const ra = rank(a.node);
    const rb = rank(b.node);
    for (let i = 0; i < ra.length; i++) {
      const d = (ra[i] as number) - (rb[i] as number);
      if (d !== 0) return d;
    }
    return a.node.id - b.node.id;
  });
}
