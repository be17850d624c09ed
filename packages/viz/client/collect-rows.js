import { isPresent, listPresentChildren } from "./tree-model.js";

/**
 * The rows to show, in order: every node that exists at `cursor` and whose ancestors are all
 * expanded. Only these rows are ever turned into DOM, which is what keeps 10,000 nodes fast.
 * @param {import("./tree-model.js").Model} model
 * @param {Set<number>} expanded
 * @param {number} cursor
 * @returns {{ ids: number[], depths: number[] }}
 */
export function collectRows(model, expanded, cursor) {
  const ids = [];
  const depths = [];
  const seen = new Set();
  const roots = model.children.get(null) ?? [];
  /** @type {Array<[number, number]>} */
  const stack = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push([/** @type {number} */ (roots[i]), 0]);
  while (stack.length > 0) {
    const [id, depth] = /** @type {[number, number]} */ (stack.pop());
    if (seen.has(id) || !isPresent(model, id, cursor)) continue;
    seen.add(id);
    ids.push(id);
    depths.push(depth);
    if (!expanded.has(id)) continue;
    const children = listPresentChildren(model, id, cursor);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push([/** @type {number} */ (children[i]), depth + 1]);
    }
  }
  return { ids, depths };
}

/**
 * The nodes a fresh viewer opens: the first `depth` levels and the whole best path, so the
 * answer is one glance away without unfolding thousands of rows.
 * @param {import("./tree-model.js").Model} model
 * @param {number} depth
 * @returns {Set<number>}
 */
export function expandInitially(model, depth) {
  const expanded = new Set();
  for (const node of model.nodes.values()) {
    if (node.depth < depth || model.best.has(node.id)) expanded.add(node.id);
  }
  return expanded;
}
