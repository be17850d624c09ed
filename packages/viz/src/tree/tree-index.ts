import type { SearchTree, TreeNode } from "@deliberate/core";

/** Parent-to-children lookup and best-path membership of one tree, built once per render. */
export interface TreeIndex {
  readonly byId: ReadonlyMap<number, TreeNode>;
  readonly children: ReadonlyMap<number, readonly TreeNode[]>;
  readonly roots: readonly TreeNode[];
  readonly best: ReadonlySet<number>;
}

/**
 * Indexes a tree by parent. Nodes are looked up by `id` rather than by position so that a tree
 * with gaps (a live snapshot, a hand-edited file) still renders instead of misplacing children.
 */
export function indexTree(tree: SearchTree): TreeIndex {
  const byId = new Map<number, TreeNode>();
  for (const node of tree.nodes) byId.set(node.id, node);
  const children = new Map<number, TreeNode[]>();
  const roots: TreeNode[] = [];
  for (const node of tree.nodes) {
    if (node.parent === null || !byId.has(node.parent) || node.parent === node.id) {
      roots.push(node);
      continue;
    }
    const siblings = children.get(node.parent);
    if (siblings) siblings.push(node);
    else children.set(node.parent, [node]);
  }
  return { byId, children, roots, best: new Set(tree.bestPath ?? []) };
}

/**
 * Visits nodes depth first from the roots, parents before children, without recursion so that a
 * 10,000-deep chain does not overflow the stack. A node reachable twice (a cycle in a malformed
 * tree) is visited once.
 */
export function walkTree(index: TreeIndex, visit: (node: TreeNode, depth: number) => void): void {
  const seen = new Set<number>();
  const stack: Array<[TreeNode, number]> = [];
  for (let i = index.roots.length - 1; i >= 0; i--) stack.push([index.roots[i] as TreeNode, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [TreeNode, number];
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    visit(node, depth);
    const kids = index.children.get(node.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i] as TreeNode, depth + 1]);
  }
}
