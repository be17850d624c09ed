import type { SearchTree, TreeNode } from "./schema.js";

/**
 * The tree as it stood right after event `seq`: the nodes created by then, with the status and
 * scores they had then. Needs no model: the event log is the whole story.
 *
 * @example
 * ```ts
 * const halfway = replayTree(tree, Math.floor(tree.events.length / 2));
 * ```
 */
export function replayTree(tree: SearchTree, seq: number): TreeNode[] {
  const root = tree.nodes[0];
  if (!root) return [];
  const nodes: TreeNode[] = [{ ...root, status: "open", scores: [], score: undefined }];
  for (const event of tree.events) {
    if (event.seq > seq) break;
    switch (event.type) {
      case "created": {
        const final = tree.nodes[event.id];
        if (final)
          nodes[event.id] = {
            ...final,
            status: "open",
            reason: undefined,
            scores: [],
            score: undefined,
          };
        break;
      }
      case "status": {
        const node = nodes[event.id];
        if (node) nodes[event.id] = { ...node, status: event.status, reason: event.reason };
        break;
      }
      case "scored": {
        const node = nodes[event.id];
        if (node)
          nodes[event.id] = {
            ...node,
            score: event.score,
            scores: [...node.scores, ...event.scores],
          };
        break;
      }
      default:
        break;
    }
  }
  return nodes.filter((node): node is TreeNode => node !== undefined);
}
