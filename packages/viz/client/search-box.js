import { readSearchText } from "./tree-model.js";

const SEARCH_DELAY_MS = 120;

/**
 * Wires the search field: typing marks matching nodes (thought, answer, reason or raw output,
 * case-insensitive); Enter jumps to the next match, Shift+Enter to the previous one.
 * @param {{ input: HTMLInputElement, count: HTMLElement }} elements
 * @param {() => import("./tree-model.js").Model} readModel
 * @param {(matches: Set<number>) => void} onMatches
 * @param {(id: number) => void} onJump
 */
export function createSearchBox(elements, readModel, onMatches, onJump) {
  const { input, count } = elements;
  /** @type {number[]} */
  let ordered = [];
  let position = -1;
  let timer = 0;

  function update() {
    const query = input.value.trim().toLowerCase();
    ordered = [];
    position = -1;
    if (query) {
      const model = readModel();
      for (const id of model.nodes.keys()) {
        if (readSearchText(model, id).includes(query)) ordered.push(id);
      }
      ordered.sort((a, b) => a - b);
    }
    count.textContent = query ? `${ordered.length} match${ordered.length === 1 ? "" : "es"}` : "";
    onMatches(new Set(ordered));
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(update, SEARCH_DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      input.value = "";
      update();
      return;
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    if (timer) update();
    timer = 0;
    if (ordered.length === 0) return;
    position = (position + (event.shiftKey ? -1 : 1) + ordered.length) % ordered.length;
    count.textContent = `${position + 1} of ${ordered.length}`;
    onJump(/** @type {number} */ (ordered[position]));
  });

  return { refresh: update };
}
