import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineStrategy } from "../plugins/plugin.js";
import { type HeapEntry, popHeap, pushHeap } from "./max-heap.js";
import {
  isExpandable,
  pruneAtDepthLimit,
  rankOf,
  type Strategy,
  separateRepeatedStates,
} from "./strategy.js";

/** Options of the `best-first` strategy. */
export const BestFirstOptions = z.strictObject({
  /** Children asked for each state. @default 5 */
  branching: integerIn(1, 256).optional(),
  /** States expanded together in one step (a larger batch keeps a local model's batch full). @default 1 */
  batch: integerIn(1, 256).optional(),
});
export type BestFirstOptions = z.input<typeof BestFirstOptions>;

export interface BestFirstState {
  /** The global frontier, best first. */
  frontier: HeapEntry[];
}

function createBestFirst(options: BestFirstOptions): Strategy<BestFirstState> {
  const branching = options.branching ?? 5;
  const batch = options.batch ?? 1;
  return {
    name: "best-first",
    evaluates: "all",
    dedupeSiblings: true,
    init: () => ({ frontier: [[1, 0]] }),
    select(state, view) {
      const ids: number[] = [];
      while (ids.length < batch) {
        const entry = popHeap(state.frontier);
        if (!entry) break;
        const node = view.nodes[entry[1]];
        if (node && isExpandable(node, view)) ids.push(node.id);
      }
      return {
        state,
        selection: ids.length === 0 ? { kind: "stop" } : { kind: "expand", ids, branching },
      };
    },
    update(state, view, _expanded, created) {
      const { fresh: nodes, repeats } = separateRepeatedStates(view, created);
      const prune = [...repeats, ...pruneAtDepthLimit(nodes, view)];
      const pruned = new Set(prune.map((entry) => entry.id));
      for (const node of nodes) {
        if (node.status === "open" && !pruned.has(node.id)) {
          pushHeap(state.frontier, [rankOf(node), node.id]);
        }
      }
      return { state, prune };
    },
  };
}

/**
 * Best-first search: a global priority frontier of every open state; expand the best, whatever
 * its depth.
 *
 * @example
 * ```ts
 * await think(task, { model, strategy: { name: "best-first", batch: 4 } });
 * ```
 */
export const bestFirst = defineStrategy({
  name: "best-first",
  description: "expands the best-scored open states first, across depths",
  options: BestFirstOptions,
  create: createBestFirst,
});
