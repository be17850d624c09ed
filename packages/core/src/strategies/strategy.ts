import type { TreeNode } from "../tree/schema.js";

/** Read-only view of the tree a strategy decides on. */
export interface StrategyView {
  readonly nodes: readonly TreeNode[];
  children(id: number): readonly TreeNode[];
  /** Paths longer than this never end in an answer. */
  readonly maxDepth: number;
  /** An earlier live node in the same task state as `node` (see `Task.stateKey`), if any. */
  twinOf?(node: TreeNode): number | undefined;
  /**
   * The search's round: 0 at first, one more each time the engine restarts a strategy whose shape
   * was exhausted while the budget had room left. @default 0
   */
  readonly round?: number;
  /** The sampling temperature of the current round. */
  readonly temperature?: number;
  /** The round in which node `id` was last expanded, if it was. */
  expandedIn?(id: number): number | undefined;
}

/**
 * What to do next: expand these nodes (each into `branching` children), or stop. An expansion may
 * set its own sampling temperature and which of its new nodes the evaluator scores; without them
 * the round's temperature and the strategy's `evaluates` apply.
 */
export type Selection =
  | {
      readonly kind: "expand";
      readonly ids: readonly number[];
      readonly branching: number;
      /** Children asked of each node, by position in `ids`, instead of `branching`. */
      readonly counts?: readonly number[];
      readonly temperature?: number;
      readonly evaluates?: Strategy["evaluates"];
    }
  | { readonly kind: "stop" };

/** A node to prune, and why (shown in the tree). */
export interface Prune {
  readonly id: number;
  readonly reason: string;
}

/** What a strategy decides after the nodes it selected were expanded and evaluated. */
export interface Update<S> {
  readonly state: S;
  readonly prune?: readonly Prune[];
  /** Visit counts to record on nodes (MCTS). */
  readonly visits?: readonly (readonly [id: number, visits: number])[];
}

/**
 * A search strategy: pure functions the machine calls. State is plain JSON (it is saved with a
 * paused search). A new strategy never touches the machine.
 */
export interface Strategy<S = unknown> {
  readonly name: string;
  /** Which new nodes the evaluator scores: every valid one, terminals only, or none. */
  readonly evaluates: "all" | "terminal" | "none";
  /** Whether a child that repeats a sibling's step is pruned instead of expanded again. */
  readonly dedupeSiblings: boolean;
  /** Overrides the search's sampling temperature (greedy decoding uses 0). */
  readonly temperature?: number;
  /**
   * A System 1 baseline: one pass by definition, never restarted when its shape is exhausted.
   * @default false
   */
  readonly singlePass?: boolean;
  /**
   * A shape that grows into its budget rather than ending on its own: given no budget at all, its
   * search gets the default think time. @default false
   */
  readonly grows?: boolean;
  /**
   * The state of a fresh pass; called again at each restart, with `view.round` one higher and the
   * state the exhausted pass ended with.
   */
  init(view: StrategyView, previous?: S): S;
  select(state: S, view: StrategyView): { readonly state: S; readonly selection: Selection };
  update(
    state: S,
    view: StrategyView,
    expanded: readonly number[],
    created: readonly number[],
  ): Update<S>;
  /** Picks the answer node among the terminals; the default is the best-ranked terminal. */
  chooseAnswer?(state: S, view: StrategyView): number | undefined;
}

/**
 * Whether a node may be expanded now: below the depth limit, and open, or expanded in an earlier
 * round only (a restarted pass may ask it for more children).
 */
export function isExpandable(node: TreeNode, view: StrategyView): boolean {
  if (node.depth >= view.maxDepth) return false;
  if (node.status === "open") return true;
  if (node.status !== "expanded") return false;
  return (view.expandedIn?.(node.id) ?? 0) < (view.round ?? 0);
}

/** Whether a node is a usable state: a valid step that was not pruned or failed. */
export function isViable(node: TreeNode): boolean {
  return node.status === "open" || node.status === "expanded" || node.status === "terminal";
}

/**
 * The value a node ranks by. A node no evaluator could score ranks as an even chance: below states
 * judged promising, above states judged hopeless or proven dead.
 */
export function rankOf(node: TreeNode): number {
  return node.score ?? 0.5;
}

/** Orders nodes best first: higher rank, then earlier id. */
export function compareByScore(a: TreeNode, b: TreeNode): number {
  return rankOf(b) - rankOf(a) || a.id - b.id;
}

/** The nodes with these ids, in the same order. */
export function nodesOf(view: StrategyView, ids: readonly number[]): TreeNode[] {
  return ids.map((id) => view.nodes[id]).filter((node): node is TreeNode => node !== undefined);
}

/**
 * Splits the viable ones of a step's new nodes into the fresh and the repeats: a repeat reaches a
 * state an earlier live node already stands for (the same problem by another path, which would
 * only be searched twice), and comes back as a prune with its reason.
 */
export function separateRepeatedStates(
  view: StrategyView,
  created: readonly number[],
): { readonly fresh: TreeNode[]; readonly repeats: Prune[] } {
  const fresh: TreeNode[] = [];
  const repeats: Prune[] = [];
  for (const node of nodesOf(view, created).filter(isViable)) {
    const twin = node.status === "open" ? view.twinOf?.(node) : undefined;
    if (twin === undefined) fresh.push(node);
    else repeats.push({ id: node.id, reason: `reaches the same state as node ${twin}` });
  }
  return { fresh, repeats };
}

/** Prunes the open nodes that score below `threshold` (ToT's value threshold): they are never entered. */
export function pruneBelowThreshold(nodes: readonly TreeNode[], threshold: number): Prune[] {
  return nodes
    .filter((node) => node.status === "open" && rankOf(node) < threshold)
    .map((node) => ({
      id: node.id,
      reason: `score ${rankOf(node).toFixed(2)} below the threshold ${threshold}`,
    }));
}

/** Prunes the open nodes that reached the depth limit: no answer can come from them any more. */
export function pruneAtDepthLimit(nodes: readonly TreeNode[], view: StrategyView): Prune[] {
  return nodes
    .filter((node) => node.status === "open" && node.depth >= view.maxDepth)
    .map((node) => ({
      id: node.id,
      reason: `reached the depth limit ${view.maxDepth} without an answer`,
    }));
}
