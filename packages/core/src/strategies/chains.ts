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
  /** Chains started so far in this pass. */
  started: number;
  /** The last node of each chain of the current chunk. */
  leaves: number[];
}

interface ChainsOptions {
  readonly name: string;
  readonly chains: number;
  /** Chains drawn together; the next chunk starts when this one has ended. @default 8 */
  readonly chunk?: number;
  readonly temperature?: number;
  readonly evaluates: Strategy["evaluates"];
  readonly singlePass?: boolean;
  readonly chooseAnswer?: Strategy<ChainsState>["chooseAnswer"];
}

/** Chains a chunk draws unless told otherwise: a local model decodes them in one batch. */
export const DEFAULT_CHAIN_CHUNK = 8;

/**
 * Independent chains of steps from the root, each extended by one sampled step at a time until it
 * ends: the shape of every System 1 baseline (greedy, sample) and of best-of-N and
 * self-consistency. Chains are drawn a chunk at a time, so no single call asks for more than a
 * chunk and a budget that ends midway keeps every chain already finished. The chains share the
 * root, so a local backend evaluates the prompt once.
 */
export function createChains(options: ChainsOptions): Strategy<ChainsState> {
  const chunk = Math.max(1, Math.min(options.chunk ?? DEFAULT_CHAIN_CHUNK, options.chains));
  return {
    name: options.name,
    evaluates: options.evaluates,
    dedupeSiblings: false,
    temperature: options.temperature,
    singlePass: options.singlePass,
    chooseAnswer: options.chooseAnswer,
    init: () => ({ started: 0, leaves: [] }),
    select(state, view) {
      const ids = nodesOf(view, state.leaves)
        .filter((node) => isExpandable(node, view))
        .map((node) => node.id);
      if (ids.length > 0) return { state, selection: { kind: "expand", ids, branching: 1 } };
      const root = view.nodes[0] as TreeNode;
      if (state.started >= options.chains || root.depth >= view.maxDepth) {
        return { state, selection: { kind: "stop" } };
      }
      const branching = Math.min(chunk, options.chains - state.started);
      return {
        state: { started: state.started + branching, leaves: [] },
        selection: { kind: "expand", ids: [0], branching },
      };
    },
    update(state, view, expanded, created) {
      const next = new Map<number, number>();
      for (const node of nodesOf(view, created)) {
        if (node.parent !== null && !next.has(node.parent)) next.set(node.parent, node.id);
      }
      const leaves = expanded.includes(0)
        ? [...created]
        : state.leaves.map((leaf) => next.get(leaf) ?? leaf);
      return {
        state: { ...state, leaves },
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
    // Reduced, not spread into Math.max: a group can hold thousands of chains.
    const best = group.reduce((most, node) => Math.max(most, rankOf(node)), -Infinity);
    const winnerBest = winner
      ? winner.reduce((most, node) => Math.max(most, rankOf(node)), -Infinity)
      : -1;
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
