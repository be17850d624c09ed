import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineStrategy } from "../plugins/plugin.js";
import type { TreeNode } from "../tree/schema.js";
import { followRollout, gatherWalkers, groupWalkers, ROLLOUT_CHUNK } from "./rollouts.js";
import {
  compareByScore,
  isExpandable,
  isViable,
  nodesOf,
  type Prune,
  pruneAtDepthLimit,
  pruneBelowThreshold,
  type Selection,
  type Strategy,
  type StrategyView,
  separateRepeatedStates,
} from "./strategy.js";

/** Options of the `anytime` strategy. */
export const AnytimeOptions = z.strictObject({
  /** Children asked of a state in the first widening round; every later round asks twice as many. @default 8 */
  branching: integerIn(1, 256).optional(),
  /** Most children asked of one state in one round. @default 64 */
  maxBranching: integerIn(1, 256).optional(),
  /** Children scoring below this are pruned, never entered. @default 0.05 */
  threshold: z.number().min(0).max(1).optional(),
  /**
   * Starts with one greedy chain, unscored, as System 1 would answer: a question a single pass
   * solves costs what a single pass costs. @default true
   */
  probe: z.boolean().optional(),
  /**
   * Begins every round with as many sampled rollouts from the root as the round's branching,
   * unscored: cheap whole paths, as best-of-N draws, before the value-guided pass. @default true
   */
  rollouts: z.boolean().optional(),
});
export type AnytimeOptions = z.input<typeof AnytimeOptions>;

export interface AnytimeState {
  /** What the round is doing: the greedy probe, its rollouts, or its depth-first pass. */
  phase: "probe" | "rollouts" | "search";
  /** The end of the greedy probe while it runs. */
  probe?: number;
  /** Rollouts still to start this round. */
  rollouts: number;
  /** Where the running rollouts stand. */
  walkers: number[];
  /** States still to enter this round, the next one last. */
  stack: number[];
  /** Children asked of each state this round. */
  branching: number;
  /** The round in which each state was last widened by the depth-first pass. */
  widened: Record<string, number>;
  /** Expansions in a row, by node id, that found no new state. */
  dry: Record<string, number>;
}

/** Rollouts a round sends for each child its depth-first pass asks of a state. */
const ROLLOUTS_PER_CHILD = 4;
/** A state whose expansions found nothing new this many times in a row is not asked again. */
const SPENT_AFTER = 3;
/** Each expansion of a state that found nothing new heats its next one by this much… */
const HEAT_STEP = 0.5;
/** …up to this: a grammar over legal steps keeps hot samples usable. */
const HOTTEST = 2;

/**
 * A state whose last expansions kept meeting known children is sampled hotter, so a model that
 * prefers a few steps strongly still shows the others.
 */
function heat(state: AnytimeState, node: TreeNode, view: StrategyView) {
  const dry = state.dry[node.id] ?? 0;
  if (dry === 0 || view.temperature === undefined) return {};
  const hotter = Math.min(HOTTEST, view.temperature + HEAT_STEP * dry);
  return { temperature: Math.max(view.temperature, hotter) };
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

/** Whether the depth-first pass may widen `node` now: not yet this round, not spent, not too deep. */
function isWidenable(state: AnytimeState, node: TreeNode, view: StrategyView): boolean {
  return (
    isViable(node) &&
    node.status !== "terminal" &&
    node.depth < view.maxDepth &&
    state.widened[node.id] !== (view.round ?? 0) &&
    (state.dry[node.id] ?? 0) < SPENT_AFTER
  );
}

/** The next step of the rollouts: move the running ones a step, or start the next chunk. */
function selectRollouts(state: AnytimeState): Extract<Selection, { kind: "expand" }> | undefined {
  if (state.walkers.length > 0) {
    return { kind: "expand", ...groupWalkers(state.walkers), branching: 1, evaluates: "none" };
  }
  if (state.rollouts === 0) return undefined;
  return {
    kind: "expand",
    ids: [0],
    branching: Math.min(ROLLOUT_CHUNK, state.rollouts),
    evaluates: "none",
  };
}

/** The next state the depth-first pass widens, popping past those it may not widen. */
function selectSearch(state: AnytimeState, view: StrategyView) {
  const stack = [...state.stack];
  while (stack.length > 0) {
    const node = view.nodes[stack.pop() as number];
    if (!node || !isViable(node) || node.status === "terminal") continue;
    if (isWidenable(state, node, view)) {
      const selection: Selection = {
        kind: "expand",
        ids: [node.id],
        branching: state.branching,
        ...heat(state, node, view),
      };
      return { state: { ...state, stack }, selection };
    }
    // Spent, or widened already this round: its children may still want more.
    for (const id of childrenToEnter(view, node.id, new Set())) stack.push(id);
  }
  return { state: { ...state, stack }, selection: { kind: "stop" } as const };
}

function createAnytime(options: AnytimeOptions): Strategy<AnytimeState> {
  const first = options.branching ?? 8;
  const most = Math.max(first, options.maxBranching ?? 64);
  const threshold = options.threshold ?? 0.05;
  const probe = options.probe ?? true;
  const rollouts = options.rollouts ?? true;
  return {
    name: "anytime",
    evaluates: "all",
    dedupeSiblings: true,
    grows: true,
    init(view, previous) {
      const round = view.round ?? 0;
      const kept = { dry: previous?.dry ?? {}, widened: previous?.widened ?? {}, walkers: [] };
      if (probe && round === 0) {
        return { ...kept, phase: "probe", probe: 0, rollouts: 0, stack: [], branching: 1 };
      }
      const widening = probe ? round - 1 : round;
      const branching = Math.min(most, first * 2 ** Math.min(widening, 30));
      return {
        ...kept,
        phase: rollouts ? "rollouts" : "search",
        rollouts: rollouts ? ROLLOUTS_PER_CHILD * branching : 0,
        stack: [0],
        branching,
      };
    },
    select(state, view) {
      if (state.phase === "probe") {
        const node = state.probe === undefined ? undefined : view.nodes[state.probe];
        if (node && isExpandable(node, view)) {
          const selection: Selection = {
            kind: "expand",
            ids: [node.id],
            branching: 1,
            temperature: 0,
            evaluates: "none",
          };
          return { state, selection };
        }
        return { state: { ...state, probe: undefined }, selection: { kind: "stop" } };
      }
      if (state.phase === "rollouts") {
        const selection = selectRollouts(state);
        if (selection) {
          // Without walkers, the selection starts the next chunk from the root.
          const started = state.walkers.length === 0;
          const left = started ? state.rollouts - selection.branching : state.rollouts;
          return { state: { ...state, rollouts: left }, selection };
        }
      }
      return selectSearch({ ...state, phase: "search" }, view);
    },
    update(state, view, expanded, created) {
      const { fresh, repeats } = separateRepeatedStates(view, created);
      const prune: Prune[] = [
        ...repeats,
        ...pruneBelowThreshold(fresh, threshold),
        ...pruneAtDepthLimit(fresh, view),
      ];
      const pruned = new Set(prune.map((entry) => entry.id));
      if (state.phase === "probe") {
        const next = fresh.find((node) => node.status === "open" && !pruned.has(node.id));
        return { state: { ...state, probe: next?.id ?? -1 }, prune };
      }
      if (state.phase === "rollouts") {
        const moved = nodesOf(view, created).map((node) =>
          pruned.has(node.id) ? undefined : followRollout(node, view),
        );
        return { state: { ...state, walkers: gatherWalkers(moved, view) }, prune };
      }
      const dry = { ...state.dry };
      const widened = { ...state.widened };
      for (const id of expanded) {
        const found = fresh.some((node) => node.parent === id);
        dry[id] = found ? 0 : (dry[id] ?? 0) + 1;
        widened[id] = view.round ?? 0;
      }
      const stack = [...state.stack];
      for (const id of expanded) {
        for (const child of childrenToEnter(view, id, pruned)) stack.push(child);
      }
      return { state: { ...state, stack, dry, widened }, prune };
    },
  };
}

/**
 * The default search, anytime: its shape grows with the time it has. Round 0 is one greedy chain
 * (the System 1 answer, at a single pass's cost). Every later round first sends rollouts from the
 * root — sampled paths, unscored, that walk through known states for the price of one step a level
 * and end in answers the verifier checks, as cheap as best-of-N — then makes a depth-first pass
 * over the whole tree that asks each state it enters for more children than the round before (8,
 * 16, 32, 64…, at the rising temperature of the engine's rounds), enters the best first, prunes
 * children below a low value threshold, and re-enters the states earlier rounds kept: the tree
 * widens where the values point, and keeps widening as long as the budget lasts. States already
 * seen are pruned as repeats and never scored twice; a state whose expansions keep finding nothing
 * new is sampled hotter, then not asked again. It stops when the answer is verified or settled,
 * when the budget is spent, or when two rounds in a row find no new state.
 *
 * @example
 * ```ts
 * await think(task, { model, budget: { time: "20s" } }); // the default strategy
 * await think(task, { model, strategy: { name: "anytime", branching: 4 }, budget: { time: "5s" } });
 * ```
 */
export const anytime = defineStrategy({
  name: "anytime",
  description:
    "the default: a greedy probe, then rounds of rollouts and value-guided depth-first widening that grow with the budget",
  options: AnytimeOptions,
  create: createAnytime,
});
