import type { TreeNode } from "../tree/schema.js";
import {
  compareByScore,
  isExpandable,
  isViable,
  type Prune,
  pruneAtDepthLimit,
  rankOf,
  type Strategy,
  type StrategyView,
  separateRepeatedStates,
} from "./strategy.js";

export interface AnytimeOptions {
  /** Children asked of a state in the first widening round; every later round asks twice as many. @default 8 */
  readonly branching?: number;
  /** Most children asked of one state in one round. @default 64 */
  readonly maxBranching?: number;
  /** Children scoring below this are pruned, never entered. @default 0.05 */
  readonly threshold?: number;
  /**
   * Starts with one greedy chain, unscored, as System 1 would answer: a question a single pass
   * solves costs what a single pass costs. @default true
   */
  readonly probe?: boolean;
}

export interface AnytimeState {
  /** The end of the greedy probe while it runs (round 0 with `probe`). */
  probe?: number;
  /** States still to enter this round, the next one last. */
  stack: number[];
  /** Children asked of each state this round. */
  branching: number;
  /** Expansions in a row, by node id, that found no new state: two make a state spent. */
  dry: Record<string, number>;
}

/** A state whose expansions found nothing new this many times in a row is not asked again. */
const SPENT_AFTER = 3;
/** Each expansion of a state that found nothing new heats its next one by this much… */
const HEAT_STEP = 0.5;
/** …up to this: a grammar over legal steps keeps hot samples usable. */
const HOTTEST = 2;

function isSpent(state: AnytimeState, node: TreeNode): boolean {
  return (state.dry[node.id] ?? 0) >= SPENT_AFTER;
}

/**
 * A state whose last expansions kept meeting known children is sampled hotter, so a model that
 * prefers a few steps strongly still shows the others.
 */
function heat(state: AnytimeState, node: TreeNode, view: StrategyView) {
  const dry = state.dry[node.id] ?? 0;
  if (dry === 0 || view.temperature === undefined) return {};
  return {
    temperature: Math.max(view.temperature, Math.min(HOTTEST, view.temperature + HEAT_STEP * dry)),
  };
}

/** The children of `id` still worth entering this round, best last (the top of the stack). */
function childrenToEnter(view: StrategyView, id: number, pruned: ReadonlySet<number>): number[] {
  return view
    .children(id)
    .filter((child) => isViable(child) && child.status !== "terminal" && !pruned.has(child.id))
    .sort(compareByScore)
    .reverse()
    .map((child) => child.id);
}

/**
 * The default search, anytime: its shape grows with the time it has. Round 0 is one greedy chain
 * (the System 1 answer, at a single pass's cost). Every later round is a depth-first pass over the
 * whole tree that asks each state it enters for more children than the round before (8, 16, 32,
 * 64…, at the rising temperature of the engine's rounds), enters the best first, prunes children
 * below a low value threshold, and re-enters the states earlier rounds kept, so the tree widens
 * where the values point and keeps widening as long as the budget lasts. States already seen are
 * pruned as repeats and never scored twice; a state whose last two expansions found nothing new is
 * not asked again. It stops when the answer is verified or settled, when the budget is spent, or
 * when two rounds in a row find no new state.
 *
 * @example
 * ```ts
 * await think(task, { model, budget: { time: "20s" } }); // the default strategy
 * await think(task, { model, strategy: { name: "anytime", branching: 4 }, budget: { time: "5s" } });
 * ```
 */
export function anytime(options: AnytimeOptions = {}): Strategy<AnytimeState> {
  const first = options.branching ?? 8;
  const most = Math.max(first, options.maxBranching ?? 64);
  const threshold = options.threshold ?? 0.05;
  const probe = options.probe ?? true;
  return {
    name: "anytime",
    evaluates: "all",
    dedupeSiblings: true,
    init(view, previous) {
      const round = view.round ?? 0;
      const dry = previous?.dry ?? {};
      if (probe && round === 0) return { probe: 0, stack: [], branching: 1, dry };
      const widening = probe ? round - 1 : round;
      const branching = Math.min(most, first * 2 ** Math.min(widening, 30));
      return { stack: [0], branching, dry };
    },
    select(state, view) {
      if (state.probe !== undefined) {
        const node = view.nodes[state.probe];
        if (node && isExpandable(node, view)) {
          const selection = {
            kind: "expand",
            ids: [node.id],
            branching: 1,
            temperature: 0,
            evaluates: "none",
          } as const;
          return { state, selection };
        }
        return { state: { ...state, probe: undefined }, selection: { kind: "stop" } };
      }
      const stack = [...state.stack];
      while (stack.length > 0) {
        const node = view.nodes[stack.pop() as number];
        if (!node || !isViable(node) || node.status === "terminal") continue;
        if (isExpandable(node, view) && !isSpent(state, node)) {
          const selection = {
            kind: "expand",
            ids: [node.id],
            branching: state.branching,
            ...heat(state, node, view),
          } as const;
          return { state: { ...state, stack }, selection };
        }
        // Spent, or already widened this round: its children may still want more.
        stack.push(...childrenToEnter(view, node.id, new Set()));
      }
      return { state: { ...state, stack }, selection: { kind: "stop" } };
    },
    update(state, view, expanded, created) {
      const { fresh, repeats } = separateRepeatedStates(view, created);
      const prune: Prune[] = [
        ...repeats,
        ...fresh
          .filter((node) => node.status === "open" && rankOf(node) < threshold)
          .map((node) => ({
            id: node.id,
            reason: `score ${rankOf(node).toFixed(2)} below the threshold ${threshold}`,
          })),
        ...pruneAtDepthLimit(fresh, view),
      ];
      const pruned = new Set(prune.map((entry) => entry.id));
      const dry = { ...state.dry };
      for (const id of expanded) {
        const found = fresh.some((node) => node.parent === id);
        dry[id] = found ? 0 : (dry[id] ?? 0) + 1;
      }
      if (state.probe !== undefined) {
        const next = fresh.find((node) => node.status === "open" && !pruned.has(node.id));
        return { state: { ...state, probe: next?.id ?? -1, dry }, prune };
      }
      const stack = [...state.stack];
      for (const id of expanded) stack.push(...childrenToEnter(view, id, pruned));
      return { state: { ...state, stack, dry }, prune };
    },
  };
}
