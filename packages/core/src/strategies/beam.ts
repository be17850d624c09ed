import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineStrategy } from "../plugins/plugin.js";
import {
  compareByScore,
  isExpandable,
  nodesOf,
  type Prune,
  pruneAtDepthLimit,
  type Strategy,
  separateRepeatedStates,
} from "./strategy.js";

/** Options of the `beam` strategy. */
export const BeamOptions = z.strictObject({
  /** States kept at each depth (ToT's b). @default 5 */
  width: integerIn(1, 1000).optional(),
  /** Children asked for each kept state (ToT's k). @default 5 */
  branching: integerIn(1, 256).optional(),
});
export type BeamOptions = z.input<typeof BeamOptions>;

export interface BeamState {
  /** The states kept at the current depth; terminals stay in the beam as candidate answers. */
  beam: number[];
}

function createBeam(options: BeamOptions): Strategy<BeamState> {
  const width = options.width ?? 5;
  const branching = options.branching ?? 5;
  return {
    name: "beam",
    evaluates: "all",
    dedupeSiblings: true,
    init: () => ({ beam: [0] }),
    select(state, view) {
      const ids = nodesOf(view, state.beam)
        .filter((node) => isExpandable(node, view))
        .map((node) => node.id);
      return {
        state,
        selection: ids.length === 0 ? { kind: "stop" } : { kind: "expand", ids, branching },
      };
    },
    update(state, view, expanded, created) {
      const carried = nodesOf(view, state.beam).filter(
        (node) => node.status === "terminal" && !expanded.includes(node.id),
      );
      const { fresh, repeats } = separateRepeatedStates(view, created);
      const ranked = [...carried, ...fresh].sort(compareByScore);
      const kept = ranked.slice(0, width);
      const depth = view.nodes[expanded[0] ?? 0]?.depth ?? 0;
      const prune: Prune[] = ranked.slice(width).map((node) => ({
        id: node.id,
        reason: `not among the best ${width} at depth ${depth + 1}`,
      }));
      prune.push(...repeats, ...pruneAtDepthLimit(kept, view));
      return { state: { beam: kept.map((node) => node.id) }, prune };
    },
  };
}

/**
 * ToT-BFS: expand every state of the beam, score the children, keep the best `width` of them
 * (and the answers already found), depth after depth.
 *
 * @example
 * ```ts
 * await think(task, { model, strategy: { name: "beam", width: 5, branching: 8 } });
 * ```
 */
export const beam = defineStrategy({
  name: "beam",
  description: "ToT-BFS: keeps the best `width` states at each depth",
  options: BeamOptions,
  create: createBeam,
});
