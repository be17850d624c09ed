import { buildElement, flattenLine, formatDuration, formatValue } from "./dom.js";

/**
 * Fills the diagram's tooltip for node index `i`: status, thought, what happened to it, and for a
 * node inside a pruned subtree the reason its pruned ancestor was cut. Every string is
 * `textContent`: thoughts and reasons came from a model.
 * @param {HTMLElement} tip
 * @param {import("./tree-model.js").Model} model
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number} i
 */
export function fillTip(tip, model, scene, i) {
  const id = /** @type {number} */ (scene.ids[i]);
  const node = model.nodes.get(id);
  const view = /** @type {import("./tree-model.js").NodeView} */ (scene.views[i]);
  if (!node) {
    tip.replaceChildren();
    return;
  }
  const head = `${view.status} · node ${id}${model.best.has(id) ? " · ★ best path" : ""}`;
  const lines = [
    buildElement("div", `tip-head status-${view.status}`, head),
    buildElement("div", "tip-text", flattenLine(node.text, 240) || "(empty)"),
  ];
  if (view.reason && view.status !== "expanded") {
    lines.push(
      buildElement("div", "tip-reason", `${view.status}: ${flattenLine(view.reason, 240)}`),
    );
  }
  const cutAt = /** @type {number} */ (scene.prunedBy[i]);
  if (cutAt >= 0 && cutAt !== i) {
    const ancestor = /** @type {import("./tree-model.js").NodeView} */ (scene.views[cutAt]);
    const reason = ancestor.reason ? `: ${flattenLine(ancestor.reason, 240)}` : "";
    lines.push(
      buildElement("div", "tip-reason", `in a subtree pruned at node ${scene.ids[cutAt]}${reason}`),
    );
  }
  if (view.answer !== undefined) {
    lines.push(buildElement("div", "tip-answer", `= ${flattenLine(view.answer, 120)}`));
  }
  lines.push(
    buildElement(
      "div",
      "tip-meta",
      `score ${formatValue(view.score)} · ${node.usage.generatedTokens} tok · ${formatDuration(node.usage.ms)}`,
    ),
  );
  tip.replaceChildren(...lines);
}

/**
 * One line about the selected node, for the caption under the diagram (read by screen readers).
 * @param {import("./tree-model.js").Model} model
 * @param {import("./diagram-scene.js").Scene} scene
 * @param {number} i
 */
export function describeForCaption(model, scene, i) {
  const id = /** @type {number} */ (scene.ids[i]);
  const view = /** @type {import("./tree-model.js").NodeView} */ (scene.views[i]);
  const text = flattenLine(model.nodes.get(id)?.text ?? "", 160) || "(empty)";
  const reason =
    view.reason && view.status !== "expanded" ? ` — ${flattenLine(view.reason, 160)}` : "";
  return `node ${id} · ${view.status} · score ${formatValue(view.score)} · ${text}${reason}`;
}
