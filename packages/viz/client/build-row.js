import { buildElement, flattenLine, formatDuration, formatValue, rateScore } from "./dom.js";
import { viewNode } from "./tree-model.js";

const INDENT_PX = 18;

/**
 * @typedef {{ model: import("./tree-model.js").Model, cursor: number, expanded: Set<number>,
 *   selected: number | null, matches: Set<number>, frontier: Set<number> }} RowContext
 */

/**
 * Builds one row: toggle, status dot, the thought on one line, what happened to it (pruned
 * reason, invalid raw text, tool observation, answer), its score with provenance, tokens and time.
 * @param {RowContext} context
 * @param {number} id
 * @param {number} depth
 * @param {number} childCount
 */
export function buildRow(context, id, depth, childCount) {
  const { model, cursor } = context;
  const node = /** @type {import("./tree-model.js").Node} */ (model.nodes.get(id));
  const view = viewNode(model, id, cursor);
  const row = buildElement("div", `row status-${view.status}`);
  row.dataset.id = String(id);
  row.setAttribute("role", "treeitem");
  row.setAttribute("aria-level", String(depth + 1));
  if (model.best.has(id)) row.classList.add("best");
  if (context.selected === id) row.classList.add("selected");
  if (context.matches.has(id)) row.classList.add("match");
  if (context.frontier.has(id)) row.classList.add("frontier");
  row.style.paddingLeft = `${8 + depth * INDENT_PX}px`;

  const open = context.expanded.has(id);
  if (childCount > 0) row.setAttribute("aria-expanded", String(open));
  const toggle = buildElement(
    "span",
    childCount > 0 ? "toggle" : "toggle leaf",
    childCount > 0 ? (open ? "▾" : "▸") : "",
  );
  const dot = buildElement("span", "dot");
  dot.title = view.status;
  row.append(toggle, dot);
  if (model.best.has(id)) row.append(buildElement("span", "star", "★"));

  const main = buildElement("span", "text", flattenLine(node.text) || "(empty)");
  row.append(main);
  if (view.reason && view.status !== "expanded") {
    row.append(buildElement("span", "reason", `${view.status}: ${flattenLine(view.reason)}`));
  }
  if (view.status === "invalid" && node.raw !== undefined) {
    row.append(buildElement("span", "raw", `raw: ${flattenLine(node.raw)}`));
  }
  if (node.observation) {
    const { tool, text, ok } = node.observation;
    const note = `⚙ ${flattenLine(tool, 40)}${ok ? "" : " ✗"}: ${flattenLine(text, 120)}`;
    row.append(buildElement("span", ok ? "observation" : "observation tool-error", note));
  }
  if (view.answer !== undefined) {
    const mark = view.verified === true ? " ✓" : view.verified === false ? " ✗" : "";
    row.append(buildElement("span", "answer", `= ${flattenLine(view.answer)}${mark}`));
  }
  if (childCount > 0 && !open) row.append(buildElement("span", "count", `+${childCount}`));
  if (context.frontier.has(id)) row.append(buildElement("span", "frontier-tag", "expanding"));

  const meta = buildElement("span", "meta");
  const sources = view.scores.map((score) => score.source).join(" · ");
  if (sources) meta.append(buildElement("span", "sources", sources));
  meta.append(
    buildElement("span", `score score-${rateScore(view.score)}`, formatValue(view.score)),
  );
  const tokens = node.usage.generatedTokens;
  meta.append(buildElement("span", "usage", `${tokens} tok · ${formatDuration(node.usage.ms)}`));
  row.append(meta);
  return row;
}
