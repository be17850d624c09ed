import type { SearchTree, TreeNode } from "@deliberate/core";

/**
 * A node as the page needs it: without its token ids, which the viewer never shows and which
 * would make a 10,000-node page several megabytes larger.
 */
export function toViewerNode(node: TreeNode): TreeNode {
  if (node.tokens === undefined) return node;
  const { tokens: _tokens, ...rest } = node;
  return rest;
}

/** The tree as the page embeds it: every node through {@link toViewerNode}. */
export function toViewerTree(tree: SearchTree): SearchTree {
  return { ...tree, nodes: tree.nodes.map(toViewerNode) };
}
