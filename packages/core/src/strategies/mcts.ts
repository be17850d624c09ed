import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineStrategy } from "../plugins/plugin.js";
import type { TreeNode } from "../tree/schema.js";
import {
  isExpandable,
  pruneAtDepthLimit,
  rankOf,
  type Strategy,
  type StrategyView,
  separateRepeatedStates,
} from "./strategy.js";

/** Options of the `mcts` strategy. */
export const MctsOptions = z.strictObject({
  /** Children asked for each expanded state. @default 5 */
  branching: integerIn(1, 256).optional(),
  /** UCT exploration constant c. @default Math.SQRT2 */
  exploration: z.number().min(0).max(100).optional(),
});
export type MctsOptions = z.input<typeof MctsOptions>;

export interface MctsState {
  /** Visits and total value by node id. */
  stats: Record<string, [visits: number, total: number]>;
  /** Expanded nodes with nothing left to explore below them. */
  exhausted: number[];
}

function isSelectable(node: TreeNode, exhausted: ReadonlySet<number>): boolean {
  return (node.status === "open" || node.status === "expanded") && !exhausted.has(node.id);
}

function uct(state: MctsState, parent: TreeNode, child: TreeNode, c: number): number {
  const [visits, total] = state.stats[child.id] ?? [0, 0];
  if (visits === 0) return Number.POSITIVE_INFINITY;
  const parentVisits = state.stats[parent.id]?.[0] ?? 1;
  return total / visits + c * Math.sqrt(Math.log(Math.max(parentVisits, 1)) / visits);
}

/** Walks down from the root, level by level, to the leaf UCT picks; `undefined` when all is explored. */
function descend(state: MctsState, view: StrategyView, c: number): number | undefined {
  const exhausted = new Set(state.exhausted);
  for (;;) {
    let node = view.nodes[0] as TreeNode;
    if (!isSelectable(node, exhausted)) return undefined;
    // A node expanded in an earlier round is a leaf again: a restarted pass widens it.
    while (node.status === "expanded" && !isExpandable(node, view)) {
      const candidates = view.children(node.id).filter((child) => isSelectable(child, exhausted));
      if (candidates.length === 0) break;
      let best = candidates[0] as TreeNode;
      let bestValue = uct(state, node, best, c);
      for (const child of candidates.slice(1)) {
        const value = uct(state, node, child, c);
        if (value > bestValue || (value === bestValue && rankOf(child) > rankOf(best))) {
          best = child;
          bestValue = value;
        }
      }
      node = best;
    }
    if (isExpandable(node, view)) return node.id;
    exhausted.add(node.id);
    state.exhausted.push(node.id);
  }
}

function createMcts(options: MctsOptions): Strategy<MctsState> {
  const branching = options.branching ?? 5;
  const c = options.exploration ?? Math.SQRT2;
  return {
    name: "mcts",
    evaluates: "all",
    dedupeSiblings: true,
    init: () => ({ stats: { 0: [0, 0] }, exhausted: [] }),
    select(state, view) {
      const id = descend(state, view, c);
      return {
        state,
        selection: id === undefined ? { kind: "stop" } : { kind: "expand", ids: [id], branching },
      };
    },
    update(state, view, expanded, created) {
      const { fresh: children, repeats } = separateRepeatedStates(view, created);
      const visits: [number, number][] = [];
      for (const child of children) {
        state.stats[child.id] = [1, rankOf(child)];
        visits.push([child.id, 1]);
      }
      const value = children.reduce((best, child) => Math.max(best, rankOf(child)), 0);
      for (const leaf of expanded) {
        for (let id: number | null = leaf; id !== null; id = view.nodes[id]?.parent ?? null) {
          const [n, total] = state.stats[id] ?? [0, 0];
          state.stats[id] = [n + 1, total + value];
          visits.push([id, n + 1]);
        }
      }
      return { state, prune: [...repeats, ...pruneAtDepthLimit(children, view)], visits };
    },
  };
}

/**
 * Monte Carlo tree search with UCT: each step descends from the root level by level, choosing
 * the child with the best upper confidence bound, expands the leaf it reaches, scores the new
 * children and backs the best child's value up the path to the root.
 *
 * @example
 * ```ts
 * await think(task, { model, strategy: { name: "mcts", exploration: 1 }, budget: { time: "20s" } });
 * ```
 */
export const mcts = defineStrategy({
  name: "mcts",
  description: "Monte Carlo tree search: UCT selection, value backup",
  options: MctsOptions,
  create: createMcts,
});
