import { buildElement, findElement, flattenLine, formatDuration, formatValue } from "./dom.js";

/**
 * Shows the question and the facts of the search in the header.
 * @param {import("./tree-model.js").Model} model
 */
export function showSummary(model) {
  const { tree } = model;
  findElement("question").textContent = flattenLine(tree.question) || "(no question)";
  document.title = `deliberate · ${flattenLine(tree.question).slice(0, 80)}`;
  const bestId = tree.bestPath?.at(-1);
  const best = bestId === undefined ? undefined : model.nodes.get(bestId);
  const last = model.events.at(-1);
  const facts = [
    ["strategy", tree.strategy],
    ["model", tree.model ?? "–"],
    ["nodes", String(model.nodes.size)],
    ["best score", formatValue(best?.score)],
    ["time", last ? formatDuration(last.t) : "–"],
    ["stopped", tree.stopReason ?? "running"],
  ];
  const list = findElement("facts");
  list.replaceChildren(
    ...facts.map(([term, value]) => {
      const item = buildElement("span", "fact");
      item.append(
        buildElement("span", "fact-term", term),
        buildElement("span", "fact-value", flattenLine(value ?? "")),
      );
      return item;
    }),
  );
  const answer = best?.answer;
  findElement("answer").textContent = answer === undefined ? "" : `Answer: ${flattenLine(answer)}`;
}
