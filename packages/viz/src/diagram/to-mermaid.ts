import type { SearchTree } from "@deliberate/core";
import type { NodeStatus } from "@deliberate/core/tree";
import { indexTree, walkTree } from "../tree/tree-index.js";
import { type DiagramOptions, describeDiagramNode } from "./diagram-label.js";

/**
 * Characters left as they are inside a quoted Mermaid label. Everything else becomes an entity
 * code (`#34;`): quotes, brackets, pipes, `#`, `;`, `<`, backticks (a leading one turns the label
 * into markdown) and `%` (comments) all break or reinterpret Mermaid text.
 */
const MERMAID_SAFE = /[\p{L}\p{N} .,:!?+\-*/=()'_@$^~·…]/u;

/** Escapes text for a double-quoted Mermaid label using Mermaid's numeric entity codes. */
export function escapeMermaid(text: string): string {
  let out = "";
  for (const char of text) {
    out += MERMAID_SAFE.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

const STATUS_CLASSES: Partial<Record<NodeStatus, string>> = {
  pruned: "fill:#f1f1f1,stroke:#9a9a9a,color:#8a8a8a,stroke-dasharray:4 3",
  terminal: "fill:#e7f6ec,stroke:#1f8a4c,color:#14532d",
  invalid: "fill:#fdecec,stroke:#c0392b,color:#7f1d1d",
  failed: "fill:#fdecec,stroke:#c0392b,color:#7f1d1d,stroke-dasharray:2 2",
};

/**
 * Renders a search tree as a Mermaid flowchart for docs and issues. Node ids are generated
 * (`n0`, `n1`, ...), never taken from text; labels are entity-encoded so no thought can end a
 * label, add an edge or inject markup. The best path is drawn with thick edges.
 *
 * @example
 * ```ts
 * await writeFile("tree.mmd", toMermaid(result.tree));
 * // flowchart TD
 * //   n0["Use 4 9 10 13 to make 24"]
 * //   n0 ==> n1
 * ```
 */
export function toMermaid(tree: SearchTree, options: DiagramOptions = {}): string {
  const { maxTextLength = 48 } = options;
  const index = indexTree(tree);
  const lines = ["flowchart TD"];
  const byStatus = new Map<string, number[]>();
  const edges: string[] = [];
  walkTree(index, (node) => {
    lines.push(`  n${node.id}["${escapeMermaid(describeDiagramNode(node, maxTextLength))}"]`);
    if (node.parent !== null && index.byId.has(node.parent) && node.parent !== node.id) {
      const best = index.best.has(node.id) && index.best.has(node.parent);
      edges.push(`  n${node.parent} ${best ? "==>" : "-->"} n${node.id}`);
    }
    const style = index.best.has(node.id) ? "best" : node.status;
    if (style === "best" || STATUS_CLASSES[node.status]) {
      const ids = byStatus.get(style) ?? [];
      ids.push(node.id);
      byStatus.set(style, ids);
    }
  });
  // One push per edge: spreading a large tree's edges into push() overflows the stack.
  for (const edge of edges) lines.push(edge);
  lines.push("  classDef best fill:#fff7d6,stroke:#b7791f,stroke-width:2px,color:#5c3d00");
  for (const [status, style] of Object.entries(STATUS_CLASSES)) {
    lines.push(`  classDef ${status} ${style}`);
  }
  for (const [style, ids] of byStatus) {
    lines.push(`  class ${ids.map((id) => `n${id}`).join(",")} ${style}`);
  }
  return `${lines.join("\n")}\n`;
}
