import type { SearchTree, TreeNode } from "@deliberate/core";
import type { NodeStatus } from "@deliberate/core/tree";
import { indexTree, walkTree } from "../tree/tree-index.js";
import { flattenText, formatScore } from "./flatten-text.js";

/** Options of {@link renderText}. */
export interface RenderTextOptions {
  /**
   * Colour the output with ANSI escapes. Leave it off when stdout is not a TTY or `NO_COLOR` is set.
   * @default false
   */
  color?: boolean;
  /**
   * Longest thought text shown on a line, in characters; longer ones end with `…`.
   * @default 72
   */
  maxTextLength?: number;
  /**
   * Deepest level printed; deeper nodes are summarised as `… n more`.
   * @default Infinity
   */
  maxDepth?: number;
}

const STATUS_MARKS: Record<NodeStatus, string> = {
  open: "○",
  expanded: "●",
  pruned: "✗",
  terminal: "◆",
  invalid: "!",
  failed: "⚠",
};

const ANSI = {
  dim: "\u001b[2m",
  bold: "\u001b[1m",
  red: "\u001b[31m",
  green: "\u001b[32m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
  reset: "\u001b[0m",
} as const;

const STATUS_COLORS: Record<NodeStatus, string> = {
  open: "",
  expanded: "",
  pruned: ANSI.dim,
  terminal: ANSI.green,
  invalid: ANSI.red,
  failed: ANSI.red,
};

/**
 * Renders a search tree as indented text for the terminal: one line per node with its status
 * mark, score with provenance, the tool observation of a step that called one (`⚙ tool: output`),
 * and `★` on the best path. Model text is flattened to one line with
 * control characters removed, so a thought cannot move the cursor or recolour the terminal.
 *
 * @example
 * ```ts
 * console.log(renderText(result.tree, { color: process.stdout.isTTY && !process.env.NO_COLOR }));
 * // ● Use 4 9 10 13 to make 24  best 1.00
 * // ├─ ★ ● 13 - 9 = 4 (left: 4 4 10)  0.80 value
 * // └─ ✗ 10 - 4 = 6 (left: 6 9 13)  0.10 value — pruned: below threshold
 * ```
 */
export function renderText(tree: SearchTree, options: RenderTextOptions = {}): string {
  const { color = false, maxTextLength = 72, maxDepth = Number.POSITIVE_INFINITY } = options;
  const index = indexTree(tree);
  const paint = (style: string, text: string) =>
    color && style ? `${style}${text}${ANSI.reset}` : text;
  const lines: string[] = [];
  const lastAtDepth: boolean[] = [];
  walkTree(index, (node, depth) => {
    const siblings =
      node.parent === null ? index.roots : (index.children.get(node.parent) ?? index.roots);
    lastAtDepth[depth] = siblings[siblings.length - 1] === node;
    if (depth > maxDepth) return;
    const prefix = buildPrefix(lastAtDepth, depth);
    if (depth === maxDepth && (index.children.get(node.id)?.length ?? 0) > 0) {
      const hidden = countDescendants(index.children, node.id);
      lines.push(`${prefix}${describeNode(node, index.best.has(node.id), paint, maxTextLength)}`);
      lines.push(
        `${buildPrefix([...lastAtDepth, true], depth + 1)}${paint(ANSI.dim, `… ${hidden} more`)}`,
      );
      return;
    }
    lines.push(`${prefix}${describeNode(node, index.best.has(node.id), paint, maxTextLength)}`);
  });
  const footer = tree.stopReason
    ? [paint(ANSI.dim, `stopped: ${flattenText(tree.stopReason, 120)}`)]
    : [];
  return [...lines, ...footer].join("\n");
}

function buildPrefix(lastAtDepth: readonly boolean[], depth: number): string {
  let prefix = "";
  for (let level = 1; level < depth; level++) prefix += lastAtDepth[level] ? "   " : "│  ";
  if (depth > 0) prefix += lastAtDepth[depth] ? "└─ " : "├─ ";
  return prefix;
}

function describeNode(
  node: TreeNode,
  onBestPath: boolean,
  paint: (style: string, text: string) => string,
  maxTextLength: number,
): string {
  const mark = paint(STATUS_COLORS[node.status], STATUS_MARKS[node.status]);
  const star = onBestPath ? `${paint(ANSI.yellow, "★")} ` : "";
  const text = flattenText(node.text, maxTextLength) || "(empty)";
  const body = onBestPath ? paint(ANSI.bold, text) : paint(STATUS_COLORS[node.status], text);
  const parts = [`${star}${mark} ${body}`];
  const score = describeScores(node);
  if (score) parts.push(paint(ANSI.cyan, score));
  if (node.observation) {
    const { tool, text, ok } = node.observation;
    const note = `⚙ ${flattenText(tool, 24)}${ok ? "" : " ✗"}: ${flattenText(text, 48) || "(empty)"}`;
    parts.push(paint(ok ? ANSI.dim : ANSI.red, note));
  }
  if (node.answer !== undefined) {
    const verdict = node.verified === true ? " ✓" : node.verified === false ? " ✗" : "";
    parts.push(paint(ANSI.green, `answer: ${flattenText(node.answer, 40)}${verdict}`));
  }
  if (node.reason) parts.push(paint(ANSI.dim, `— ${node.status}: ${flattenText(node.reason, 60)}`));
  if (node.status === "invalid" && node.raw !== undefined) {
    parts.push(paint(ANSI.red, `raw: ${JSON.stringify(flattenText(node.raw, 40))}`));
  }
  return parts.join("  ");
}

function describeScores(node: TreeNode): string {
  if (node.score === undefined && node.scores.length === 0) return "";
  const sources = node.scores.map((s) => `${s.source} ${formatScore(s.value)}`).join(", ");
  if (node.score === undefined) return sources;
  return sources ? `${formatScore(node.score)} (${sources})` : formatScore(node.score);
}

function countDescendants(children: ReadonlyMap<number, readonly TreeNode[]>, id: number): number {
  let count = 0;
  const stack = [...(children.get(id) ?? [])];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    count++;
    for (const child of children.get(node.id) ?? []) stack.push(child);
  }
  return count;
}
