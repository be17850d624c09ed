import { type HierarchyNode, hierarchy, partition, tree as tidyTree } from "d3-hierarchy";
import type { DrawnNode, DrawnTree } from "./select-nodes.js";

/** A tidy node-link tree, or an icicle (partition) whose widths are the weight spent. */
export type SvgLayout = "tree" | "icicle";

/**
 * A drawn node placed in layout units. Tidy tree: `slot` is the row (one per leaf) and `level` the
 * column. Icicle: `slot`..`slotEnd` is the span in weight units and `level` the row.
 */
export interface PlacedNode {
  readonly drawn: DrawnNode;
  readonly slot: number;
  readonly slotEnd: number;
  readonly level: number;
  readonly parent?: PlacedNode;
}

/** A laid-out tree, in units; {@link PictureScale} turns units into pixels. */
export interface TreeLayout {
  readonly kind: SvgLayout;
  readonly nodes: readonly PlacedNode[];
  /** Units across: rows of a tidy tree, total weight of an icicle. */
  readonly slots: number;
  /** Levels, the root's included. */
  readonly levels: number;
  /** The heaviest single node (tidy trees size their circles by it). */
  readonly maxWeight: number;
}

/**
 * Lays out the drawn tree with d3-hierarchy: `tree()` with one unit between neighbouring rows
 * (a little more between cousins), or `partition()` over each subtree's summed weight.
 */
export function layoutTree(drawn: DrawnTree, kind: SvgLayout): TreeLayout {
  const root = hierarchy<DrawnNode>(drawn.root, (node) => node.children);
  let maxWeight = 1;
  root.each((node) => {
    maxWeight = Math.max(maxWeight, node.data.weight);
  });
  const placed = new Map<HierarchyNode<DrawnNode>, PlacedNode>();
  const place = (node: HierarchyNode<DrawnNode>, slot: number, slotEnd: number, level: number) => {
    const parent = node.parent ? placed.get(node.parent) : undefined;
    placed.set(node, { drawn: node.data, slot, slotEnd, level, ...(parent ? { parent } : {}) });
  };
  if (kind === "icicle") {
    root.sum((node) => node.weight);
    const total = root.value ?? 1;
    const laid = partition<DrawnNode>().size([total, root.height + 1])(root);
    laid.eachBefore((node) => place(node, node.x0, node.x1, node.y0));
    return { kind, nodes: [...placed.values()], slots: total, levels: root.height + 1, maxWeight };
  }
  const laid = tidyTree<DrawnNode>()
    .nodeSize([1, 1])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);
  let min = 0;
  let max = 0;
  laid.each((node) => {
    min = Math.min(min, node.x);
    max = Math.max(max, node.x);
  });
  laid.eachBefore((node) => place(node, node.x - min, node.x - min, node.depth));
  return {
    kind,
    nodes: [...placed.values()],
    slots: max - min + 1,
    levels: root.height + 1,
    maxWeight,
  };
}

/** How many leaves the drawn tree has, i.e. rows of a tidy tree: `auto` picks an icicle past a limit. */
export function countLeaves(drawn: DrawnTree): number {
  let leaves = 0;
  const stack = [drawn.root];
  while (stack.length > 0) {
    const node = stack.pop() as DrawnNode;
    if (node.children.length === 0) leaves++;
    else stack.push(...node.children);
  }
  return leaves;
}
