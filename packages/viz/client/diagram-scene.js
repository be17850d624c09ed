import * as d3 from "d3-hierarchy";
import { listPresentChildren, viewNode } from "./tree-model.js";

/** World units between two depths, and between two neighbouring leaves, in the tidy tree. */
export const LEVEL_GAP = 200;
export const LEAF_GAP = 26;
/** The icicle's columns leave room between them for the links' absence to read as levels. */
const ICICLE_COLUMN = 180;

/**
 * One laid-out moment of the search, in parallel arrays (10,000 nodes as objects would churn the
 * garbage collector on every replay step): geometry in world units, left to right by depth, and
 * each node's state at the timeline's cursor.
 * @typedef {{ kind: string, ids: number[], index: Map<number, number>, parent: Int32Array,
 *   x: Float64Array, y: Float64Array, w: Float64Array, h: Float64Array,
 *   views: import("./tree-model.js").NodeView[], faded: Uint8Array, prunedBy: Int32Array,
 *   bounds: { x0: number, y0: number, x1: number, y1: number } }} Scene
 */

/**
 * How much a node weighs: one each, the tokens it generated, or the model time it took.
 * @param {import("./tree-model.js").Node} node
 * @param {string} size "nodes", "tokens" or "time"
 */
export function weighNode(node, size) {
  if (size === "tokens") return Math.max(0, node.usage.generatedTokens || 0);
  if (size === "time") return Math.max(0, node.usage.ms || 0);
  return 1;
}

/**
 * Lays out the nodes that exist at `cursor` with d3-hierarchy: a tidy tree (`tree`) or an icicle
 * (`icicle`, a partition whose slices are as tall as the weight under them, for wide trees).
 * @param {import("./tree-model.js").Model} model
 * @param {number} cursor
 * @param {string} kind
 * @param {string} size
 * @returns {Scene}
 */
export function layoutScene(model, cursor, kind, size) {
  const roots = listPresentChildren(model, /** @type {any} */ (null), cursor);
  // Several roots (a corrupt or partial tree) hang under one invisible node, id -1.
  const top = roots.length === 1 ? /** @type {number} */ (roots[0]) : -1;
  const root = d3.hierarchy(top, (id) =>
    id === -1 ? roots : listPresentChildren(model, id, cursor),
  );
  /** @param {number} id */
  const weight = (id) => {
    const node = model.nodes.get(id);
    return node ? weighNode(node, size) : 0;
  };
  const nodes = root.descendants();
  const count = nodes.length;
  const scene = {
    kind,
    ids: nodes.map((node) => node.data),
    index: new Map(),
    parent: new Int32Array(count).fill(-1),
    x: new Float64Array(count),
    y: new Float64Array(count),
    w: new Float64Array(count),
    h: new Float64Array(count),
    /** @type {import("./tree-model.js").NodeView[]} */ views: [],
    faded: new Uint8Array(count),
    prunedBy: new Int32Array(count).fill(-1),
    bounds: { x0: 0, y0: 0, x1: 1, y1: 1 },
  };
  nodes.forEach((node, i) => {
    scene.index.set(node.data, i);
  });
  if (kind === "icicle") placeIcicle(root, scene, weight);
  else placeTidy(root, scene, weight, size);
  nodes.forEach((node, i) => {
    const id = node.data;
    const parentIndex = node.parent
      ? /** @type {number} */ (scene.index.get(node.parent.data))
      : -1;
    scene.parent[i] = parentIndex;
    const view = id === -1 ? { status: "expanded", scores: [] } : viewNode(model, id, cursor);
    scene.views.push(view);
    // descendants() is breadth-first, so a parent's fading is known before its children's.
    const inherited = parentIndex >= 0 ? /** @type {number} */ (scene.prunedBy[parentIndex]) : -1;
    scene.prunedBy[i] = view.status === "pruned" ? i : inherited;
    scene.faded[i] = scene.prunedBy[i] >= 0 ? 1 : 0;
  });
  scene.bounds = measureBounds(scene, 0, count);
  return scene;
}

/**
 * @param {d3.HierarchyNode<number>} root
 * @param {Scene} scene
 * @param {(id: number) => number} weight
 * @param {string} size
 */
function placeTidy(root, scene, weight, size) {
  d3
    .tree()
    .nodeSize([LEAF_GAP, LEVEL_GAP])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.3))(/** @type {any} */ (root));
  let heaviest = 0;
  root.each((node) => {
    heaviest = Math.max(heaviest, weight(node.data));
  });
  root.each((node) => {
    const i = /** @type {number} */ (scene.index.get(node.data));
    const laid = /** @type {d3.HierarchyPointNode<number>} */ (node);
    // Area, not radius, follows the weight, so a node twice as costly looks twice as big.
    const radius =
      size === "nodes" || heaviest === 0 ? 7 : 3 + 9 * Math.sqrt(weight(node.data) / heaviest);
    scene.x[i] = laid.y;
    scene.y[i] = laid.x;
    scene.w[i] = radius * 2;
    scene.h[i] = radius * 2;
  });
}

/**
 * @param {d3.HierarchyNode<number>} root
 * @param {Scene} scene
 * @param {(id: number) => number} weight
 */
function placeIcicle(root, scene, weight) {
  // Every node keeps a sliver (weight + a small floor), so a zero-token leaf can still be clicked.
  let total = 0;
  root.each((node) => {
    total += weight(node.data);
  });
  const floor = Math.max(total / Math.max(1, root.descendants().length), 1) * 0.05;
  root.sum((id) => weight(id) + floor);
  const height = Math.max(600, root.leaves().length * LEAF_GAP * 0.6);
  d3
    .partition()
    .size([height, (root.height + 1) * ICICLE_COLUMN])
    .padding(1)(/** @type {any} */ (root));
  root.each((node) => {
    const i = /** @type {number} */ (scene.index.get(node.data));
    const cell = /** @type {d3.HierarchyRectangularNode<number>} */ (node);
    scene.w[i] = Math.max(0, cell.y1 - cell.y0 - 8);
    scene.h[i] = Math.max(0, cell.x1 - cell.x0);
    scene.x[i] = (cell.y0 + cell.y1 - 8) / 2;
    scene.y[i] = (cell.x0 + cell.x1) / 2;
  });
}

/**
 * The box around nodes `from`..`to` of a scene, or around the given node indexes.
 * @param {Scene} scene
 * @param {number} from
 * @param {number} to
 * @param {number[]} [only]
 */
export function measureBounds(scene, from, to, only) {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const list = only ?? Array.from({ length: to - from }, (_, k) => from + k);
  for (const i of list) {
    if (scene.ids[i] === -1) continue;
    const halfW = /** @type {number} */ (scene.w[i]) / 2;
    const halfH = /** @type {number} */ (scene.h[i]) / 2;
    x0 = Math.min(x0, /** @type {number} */ (scene.x[i]) - halfW);
    x1 = Math.max(x1, /** @type {number} */ (scene.x[i]) + halfW);
    y0 = Math.min(y0, /** @type {number} */ (scene.y[i]) - halfH);
    y1 = Math.max(y1, /** @type {number} */ (scene.y[i]) + halfH);
  }
  if (!Number.isFinite(x0)) return { x0: 0, y0: 0, x1: 1, y1: 1 };
  return { x0, y0, x1, y1 };
}
