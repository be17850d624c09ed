import type { TreeNode } from "../tree/schema.js";
import {
  isExpandable,
  nodesOf,
  pruneAtDepthLimit,
  rankOf,
  type Strategy,
  type StrategyView,
} from "./strategy.js";

export interface ChainsState {
  started: boolean;
  /** The last node of each chain. */
  leaves: number[];
}

interface ChainsOptions {
  readonly name: string;
  readonly chains: number;
  readonly temperature?: number;
  readonly evaluates: Strategy["evaluates"];
  readonly chooseAnswer?: Strategy<ChainsState>["chooseAnswer"];
}

/**
 * Independent chains of steps from the root, each extended by one sampled step at a time until it
 * ends: the shape of every System 1 baseline (greedy, sample) and of best-of-N and
 * self-consistency. The chains share the root, so a local backend evaluates the prompt once.
 */
export function createChains(options: ChainsOptions): Strategy<ChainsState> {
  return {
    name: options.name,
    evaluates: options.evaluates,
    dedupeSiblings: false,
    temperature: options.temperature,
    chooseAnswer: options.chooseAnswer,
    init: () => ({ started: false, leaves: [] }),
    select(state, view) {
      if (!state.started) {
        return {
          state: { started: true, leaves: [] },
          selection: { kind: "expand", ids: [0], branching: options.chains },
        };
      }
      const ids = nodesOf(view, state.leaves)
        .filter((node) => isExpandable(node, view))
        .map((node) => node.id);
      return {
        state,
        selection: ids.length === 0 ? { kind: "stop" } : { kind: "expand", ids, branching: 1 },
      };
    },
    update(state, view, expanded, created) {
      const next = new Map<number, number>();
      for (const node of nodesOf(view, created)) {
        if (node.parent !== null && !next.has(node.parent)) next.set(node.parent, node.id);
      }
      const leaves =
        expanded.length === 1 && expanded[0] === 0
          ? [...created]
          : state.leaves.map((leaf) => next.get(leaf) ?? leaf);
      return {
        state: { started: true, leaves },
        prune: pruneAtDepthLimit(nodesOf(view, leaves), view),
      };
    },
  };
}

/** The answer most chains reached; ties go to the better-scored, then the earlier. */
export function chooseMajorityAnswer(view: StrategyView): number | undefined {
  const byAnswer = new Map<string, TreeNode[]>();
  for (const node of view.nodes) {
    if (node.status !== "terminal" || node.answer === undefined) continue;
    const key = node.answer.trim().toLowerCase();
    byAnswer.set(key, [...(byAnswer.get(key) ?? []), node]);
  }
  let winner: TreeNode[] | undefined;
  for (const group of byAnswer.values()) {
    const best = Math.max(...group.map((node) => rankOf(node)));
    const winnerBest = winner ? Math.max(...winner.map((node) => rankOf(node))) : -1;
    if (
      !winner ||
      group.length > winner.length ||
      (group.length === winner.length && best > winnerBest)
    ) {
      winner = group;
    }
  }
  return winner?.[0]?.id;
}
