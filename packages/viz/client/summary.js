import { buildElement, findElement, flattenLine, formatDuration, formatValue } from "./dom.js";

/**
 * A strategy, evaluator or generator as the tree recorded it: `beam (width 3, branching 4)`.
 * @param {{ name: string, options?: Record<string, unknown> } | undefined} choice
 * @returns {string | undefined}
 */
function describeChoice(choice) {
  if (!choice) return undefined;
  const options = Object.entries(choice.options ?? {}).map(
    ([key, value]) => `${key} ${typeof value === "object" ? JSON.stringify(value) : String(value)}`,
  );
  return options.length === 0 ? choice.name : `${choice.name} (${options.join(", ")})`;
}

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
    ["strategy", describeChoice(tree.plugins?.strategy) ?? tree.strategy],
    ...(tree.plugins ? [["evaluator", describeChoice(tree.plugins.evaluator)]] : []),
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
  showGuards(model.events);
}

const VERDICTS = new Set(["pass", "warn", "block"]);

/**
 * Lists the input guards' verdicts on the question (`guarded` events), one line each: the guard,
 * pass / warn / block, and its reason. The guard's words may quote the input: text, never markup.
 * @param {import("./tree-model.js").Event[]} events
 */
function showGuards(events) {
  const items = events
    .filter((event) => event.type === "guarded")
    .map((event) => {
      const verdict = String(event.verdict);
      const item = buildElement("li", `guard guard-${VERDICTS.has(verdict) ? verdict : "other"}`);
      item.append(
        buildElement("span", "guard-name", `guard ${flattenLine(String(event.guard))}`),
        buildElement("span", "guard-verdict", flattenLine(verdict)),
      );
      if (typeof event.reason === "string")
        item.append(buildElement("span", "guard-reason", flattenLine(event.reason)));
      return item;
    });
  findElement("guards").replaceChildren(...items);
}
