import { listPresentChildren } from "./tree-model.js";

/**
 * Arrow keys move the selection through the shown rows; Right expands, Left collapses a row
 * whose children are shown or else goes to the parent (a leaf marked expanded, as Expand all
 * leaves every row, has nothing to collapse); Enter or Space toggles.
 * @param {KeyboardEvent} event
 * @param {{ rows: { ids: number[] }, selected: number | null, expanded: Set<number>,
 *   cursor: number, model: import("./tree-model.js").Model }} state
 * @param {(id: number) => void} select
 * @param {(id: number) => void} toggle
 */
export function moveWithKeys(event, state, select, toggle) {
  const ids = state.rows.ids;
  if (ids.length === 0) return;
  const index = state.selected === null ? -1 : ids.indexOf(state.selected);
  const current = state.selected;
  let handled = true;
  if (event.key === "ArrowDown")
    select(/** @type {number} */ (ids[Math.min(ids.length - 1, index + 1)]));
  else if (event.key === "ArrowUp") select(/** @type {number} */ (ids[Math.max(0, index - 1)]));
  else if (current === null) handled = false;
  else if (event.key === "ArrowRight" && !state.expanded.has(current)) toggle(current);
  else if (event.key === "ArrowLeft" && state.expanded.has(current) && hasChildren(state, current))
    toggle(current);
  else if (event.key === "ArrowLeft") {
    const parent = state.model.nodes.get(current)?.parent;
    if (parent !== null && parent !== undefined) select(parent);
  } else if (event.key === "Enter" || event.key === " ") toggle(current);
  else handled = false;
  if (handled) event.preventDefault();
}

/**
 * Whether a row has children at the timeline's cursor, so collapsing it would hide something.
 * @param {{ cursor: number, model: import("./tree-model.js").Model }} state
 * @param {number} id
 */
function hasChildren(state, id) {
  return listPresentChildren(state.model, id, state.cursor).length > 0;
}
