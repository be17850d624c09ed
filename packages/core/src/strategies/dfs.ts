import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineStrategy } from "../plugins/plugin.js";
import {
  compareByScore,
  isExpandable,
  pruneAtDepthLimit,
  pruneBelowThreshold,
  type Strategy,
  separateRepeatedStates,
} from "./strategy.js";

/** Options of the `dfs` strategy. */
export const DfsOptions = z.strictObject({
  /** Children asked for each state. @default 5 */
  branching: integerIn(1, 256).optional(),
  /** Children scoring below this are pruned, never entered (ToT's value threshold). @default 0.5 */
  threshold: z.number().min(0).max(1).optional(),
});
export type DfsOptions = z.input<typeof DfsOptions>;

export interface DfsState {
  /** States still to enter, the next one last. */
  stack: number[];
}

function createDfs(options: DfsOptions): Strategy<DfsState> {
  const branching = options.branching ?? 5;
  const threshold = options.threshold ?? 0.5;
  return {
    name: "dfs",
    evaluates: "all",
    dedupeSiblings: true,
    init: () => ({ stack: [0] }),
    select(state, view) {
      const stack = [...state.stack];
      while (stack.length > 0) {
        const id = stack.pop() as number;
        const node = view.nodes[id];
        if (node && isExpandable(node, view)) {
          return { state: { stack }, selection: { kind: "expand", ids: [id], branching } };
        }
      }
      return { state: { stack }, selection: { kind: "stop" } };
    },
    update(state, view, _expanded, created) {
      const { fresh: viable, repeats } = separateRepeatedStates(view, created);
      const prune = [
        ...repeats,
        ...pruneBelowThreshold(viable, threshold),
        ...pruneAtDepthLimit(viable, view),
      ];
      const pruned = new Set(prune.map((entry) => entry.id));
      const enter = viable
        .filter((node) => node.status === "open" && !pruned.has(node.id))
        .sort(compareByScore)
        .reverse()
        .map((node) => node.id);
      return { state: { stack: [...state.stack, ...enter] }, prune };
    },
  };
}

/**
 * Depth-first search with a value threshold, as ToT's crosswords search: enter the best child
 * first, prune children below the threshold, backtrack when a state has no child worth entering.
 *
 * @example
 * ```ts
 * await think(task, { model, strategy: { name: "dfs", threshold: 0.6 } });
 * ```
 */
export const dfs = defineStrategy({
  name: "dfs",
  description: "ToT-DFS: depth first through states above a value threshold, backtracking",
  options: DfsOptions,
  create: createDfs,
});
