import type { SearchTree } from "@deliberate/core";
import type { NodeStatus } from "@deliberate/core/tree";
import { flattenText } from "../text/flatten-text.js";
import { indexTree, walkTree } from "../tree/tree-index.js";
import { type DiagramOptions, describeDiagramNode } from "./diagram-label.js";

/**
 * Escapes text for a double-quoted DOT string. Backslashes are doubled first so that Graphviz's
 * own label escapes (`\N`, `\G`, `\l`) cannot be smuggled in, then quotes are escaped and line
 * breaks (already flattened by the label) cannot occur.
 */
export function escapeDot(text: string): string {
  return flattenText(text).replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}

const STATUS_ATTRIBUTES: Record<NodeStatus, Record<string, string>> = {
  open: { style: "rounded", color: "#6b7280" },
  expanded: { style: "rounded", color: "#374151" },
  pruned: { style: "rounded,dashed", color: "#9ca3af", fontcolor: "#9ca3af" },
  terminal: { style: "rounded,filled", fillcolor: "#e7f6ec", color: "#1f8a4c" },
  invalid: { style: "rounded,filled", fillcolor: "#fdecec", color: "#c0392b" },
  failed: { style: "rounded,filled,dashed", fillcolor: "#fdecec", color: "#c0392b" },
};

const BEST_ATTRIBUTES = { penwidth: "2.5", color: "#b7791f" };

/** Writes `key="value"` pairs; every value goes through {@link escapeDot}. */
function formatAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => `${key}="${escapeDot(value)}"`)
    .join(", ");
}

/**
 * Renders a search tree as a Graphviz DOT digraph (`dot -Tsvg tree.dot > tree.svg`). Node ids
 * are generated (`n0`, `n1`, ...); labels and tooltips are quoted and escaped; the best path is
 * drawn bold in amber.
 *
 * @example
 * ```ts
 * await writeFile("tree.dot", toDot(result.tree));
 * ```
 */
export function toDot(tree: SearchTree, options: DiagramOptions = {}): string {
  const { maxTextLength = 48 } = options;
  const index = indexTree(tree);
  const lines = [
    "digraph search {",
    '  graph [rankdir="TB", fontname="Helvetica"];',
    '  node [shape="box", fontname="Helvetica", fontsize="11"];',
    '  edge [color="#9ca3af"];',
  ];
  walkTree(index, (node) => {
    const attributes = {
      label: describeDiagramNode(node, maxTextLength),
      tooltip: flattenText(node.reason ?? node.text, 200),
      ...STATUS_ATTRIBUTES[node.status],
      ...(index.best.has(node.id) ? BEST_ATTRIBUTES : {}),
    };
    lines.push(`  n${node.id} [${formatAttributes(attributes)}];`);
    if (node.parent !== null && index.byId.has(node.parent) && node.parent !== node.id) {
      const onBest = index.best.has(node.id) && index.best.has(node.parent);
      lines.push(
        `  n${node.parent} -> n${node.id}${onBest ? ` [${formatAttributes(BEST_ATTRIBUTES)}]` : ""};`,
      );
    }
  });
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
