import type { TreeNode } from "@deliberate/core";
import { flattenText, formatScore } from "../text/flatten-text.js";

/** Options shared by {@link toMermaid} and {@link toDot}. */
export interface DiagramOptions {
  /**
   * Longest thought text in a node's label, in characters; longer ones end with `…`.
   * @default 48
   */
  maxTextLength?: number;
}

/**
 * The plain-text label of a node, before the target language escapes it: the flattened thought
 * and its score. Escaping is left to each language because their breakers differ.
 */
export function describeDiagramNode(node: TreeNode, maxTextLength: number): string {
  const text = flattenText(node.text, maxTextLength) || "(empty)";
  const score = node.score === undefined ? "" : ` · ${formatScore(node.score)}`;
  const status = node.status === "open" || node.status === "expanded" ? "" : ` · ${node.status}`;
  return `${text}${score}${status}`;
}
