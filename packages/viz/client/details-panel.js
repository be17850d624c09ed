import { buildElement, flattenLine, formatDuration, formatValue, rateScore } from "./dom.js";
import { listAncestors, viewNode } from "./tree-model.js";

/**
 * Fills the side panel with everything known about one node: the full thought, what happened to
 * it, each score with its provenance, usage, and the path that led to it.
 * @param {HTMLElement} panel
 * @param {import("./tree-model.js").Model} model
 * @param {number | null} id
 * @param {number} cursor
 * @param {(id: number) => void} onSelect
 */
export function showDetails(panel, model, id, cursor, onSelect) {
  const node = id === null ? undefined : model.nodes.get(id);
  if (!node) {
    panel.replaceChildren(
      buildElement("p", "hint", "Select a node to see its thought, scores and usage."),
    );
    return;
  }
  const view = viewNode(model, node.id, cursor);
  const header = buildElement("div", "details-header");
  header.append(
    buildElement("span", `badge status-${view.status}`, view.status),
    buildElement("span", "details-id", `node ${node.id} · depth ${node.depth}`),
  );
  if (model.best.has(node.id))
    header.append(buildElement("span", "badge best-badge", "★ best path"));
  const parts = [
    header,
    buildSection("Thought", buildElement("pre", "thought", node.text || "(empty)")),
  ];
  if (view.reason)
    parts.push(buildSection(`Why ${view.status}`, buildElement("p", "reason-text", view.reason)));
  if (node.raw !== undefined)
    parts.push(buildSection("Raw model output", buildElement("pre", "raw-text", node.raw)));
  if (node.observation) parts.push(buildSection("Tool observation", buildObservation(node)));
  if (view.answer !== undefined) {
    const verdict =
      view.verified === true
        ? "verified ✓"
        : view.verified === false
          ? "verified wrong ✗"
          : "not verified";
    const answer = buildElement("p", "answer-text", view.answer);
    answer.append(buildElement("span", "verdict", ` (${verdict})`));
    parts.push(buildSection("Answer", answer));
  }
  if (node.state !== undefined && node.state !== null) {
    parts.push(
      buildSection("Task state", buildElement("pre", "state-text", formatState(node.state))),
    );
  }
  parts.push(buildSection("Scores", buildScores(view)));
  parts.push(buildSection("Usage", buildUsage(node)));
  parts.push(buildSection("Path", buildPath(model, node.id, onSelect)));
  panel.replaceChildren(...parts);
}

/**
 * What a tool gave the step: which tool, the input, whether it failed, then its output — as text,
 * like every other string here: it came from a tool and is data.
 * @param {import("./tree-model.js").Node} node
 */
function buildObservation(node) {
  const observation = /** @type {import("./tree-model.js").Observation} */ (node.observation);
  const box = buildElement("div", "observation-box");
  const head = buildElement("p", "observation-head");
  head.append(
    buildElement("span", "badge observation-tool", observation.tool),
    buildElement("code", "observation-input", observation.input),
    buildElement(
      "span",
      observation.ok ? "observation-ok" : "observation-error",
      `${observation.ok ? "ok" : "error"} · ${formatDuration(observation.ms)}`,
    ),
  );
  box.append(head, buildElement("pre", "observation-text", observation.text));
  if (observation.cut) {
    box.append(buildElement("p", "hint", `… ${observation.cut} more characters were cut.`));
  }
  return box;
}

const STATE_MAX_CHARS = 4000;

/**
 * The task's state as JSON, on one line when short, indented otherwise, and cut short: a state can be as large as the task makes it.
 * @param {unknown} state
 */
function formatState(state) {
  const compact = JSON.stringify(state) ?? String(state);
  const text = compact.length <= 60 ? compact : JSON.stringify(state, null, 2);
  return text.length > STATE_MAX_CHARS ? `${text.slice(0, STATE_MAX_CHARS)}\n…` : text;
}

/**
 * @param {string} title
 * @param {HTMLElement} body
 */
function buildSection(title, body) {
  const section = buildElement("section", "details-section");
  section.append(buildElement("h3", "", title), body);
  return section;
}

/** @param {import("./tree-model.js").NodeView} view */
function buildScores(view) {
  const list = buildElement("div", "scores");
  const total = buildElement("div", "score-line total");
  total.append(buildElement("span", "score-source", "ranked by"), buildBar(view.score));
  list.append(total);
  for (const score of view.scores) {
    const line = buildElement("div", "score-line");
    line.append(buildElement("span", "score-source", score.source), buildBar(score.value));
    if (score.detail) line.append(buildElement("span", "score-detail", flattenLine(score.detail)));
    list.append(line);
  }
  if (view.scores.length === 0) list.append(buildElement("p", "hint", "Not scored yet."));
  return list;
}

/** @param {number | undefined} value */
function buildBar(value) {
  const bar = buildElement("span", `bar score-${rateScore(value)}`);
  const fill = buildElement("span", "bar-fill");
  fill.style.width = `${Math.round(Math.max(0, Math.min(1, value ?? 0)) * 100)}%`;
  bar.append(fill, buildElement("span", "bar-value", formatValue(value)));
  return bar;
}

/** @param {import("./tree-model.js").Node} node */
function buildUsage(node) {
  const table = buildElement("dl", "usage-table");
  const rows = [
    ["prompt tokens", `${node.usage.promptTokens} (${node.usage.evaluatedPromptTokens} evaluated)`],
    ["generated tokens", String(node.usage.generatedTokens)],
    ["model time", formatDuration(node.usage.ms)],
    ["created at", formatDuration(node.createdAt)],
  ];
  if (node.visits !== undefined) rows.push(["visits", String(node.visits)]);
  for (const [term, value] of rows)
    table.append(buildElement("dt", "", term), buildElement("dd", "", value));
  return table;
}

/**
 * @param {import("./tree-model.js").Model} model
 * @param {number} id
 * @param {(id: number) => void} onSelect
 */
function buildPath(model, id, onSelect) {
  const list = buildElement("ol", "path");
  for (const step of listAncestors(model, id)) {
    const node = model.nodes.get(step);
    const item = buildElement("li", step === id ? "current" : "");
    const link = buildElement("button", "path-link", flattenLine(node?.text ?? "") || "(empty)");
    link.setAttribute("type", "button");
    link.addEventListener("click", () => onSelect(step));
    item.append(link);
    list.append(item);
  }
  return list;
}
