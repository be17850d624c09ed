import { listPresentChildren } from "./tree-model.js";

/**
 * The node an arrow key leads to in the diagram, which runs left to right by depth: Left goes to
 * the parent, Right to a child (the one on the best path if any, else the first), Up and Down to
 * the previous or next sibling, Home to the root. Undefined when the key is not a move.
 * @param {string} key
 * @param {number | null} selected
 * @param {import("./tree-model.js").Model} model
 * @param {number} cursor
 * @param {Map<number, number>} laidOut ids in the scene
 * @returns {number | undefined}
 */
export function findKeyTarget(key, selected, model, cursor, laidOut) {
  const roots = listPresentChildren(model, /** @type {any} */ (null), cursor);
  if (key === "Home" || selected === null || !laidOut.has(selected)) return roots[0];
  const node = model.nodes.get(selected);
  if (!node) return undefined;
  const parent = node.parent === node.id ? null : node.parent;
  if (key === "ArrowLeft") return parent ?? undefined;
  if (key === "ArrowRight") {
    const children = listPresentChildren(model, selected, cursor);
    return children.find((child) => model.best.has(child)) ?? children[0];
  }
  if (key === "ArrowUp" || key === "ArrowDown") {
    const siblings = parent === null ? roots : listPresentChildren(model, parent, cursor);
    const at = siblings.indexOf(selected) + (key === "ArrowUp" ? -1 : 1);
    return siblings[at];
  }
  return undefined;
}
