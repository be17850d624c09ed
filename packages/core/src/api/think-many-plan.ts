import { isViable, rankOf } from "../strategies/strategy.js";
import type { TreeNode } from "../tree/schema.js";
import type { Allocation } from "./think-many-options.js";

/**
 * Slices shorter than this are not worth a pause and a resume: a question whose share has shrunk
 * below it waits for the end instead.
 */
export const SHORTEST_SLICE_MS = 1;

/**
 * Milliseconds of searching (the search phase: each question keeps `reserve` of its time to
 * finish its best partial path) that `ms` of think time buys.
 */
export function findSearchShare(ms: number, allocation: Allocation): number {
  return ms * (1 - allocation.reserve);
}

/** The first slice of every question: a quarter of an equal share, at least the minimum. */
export function findFirstSlice(allocation: Allocation, count: number): number {
  const pool = findSearchShare(allocation.totalMs, allocation);
  const min = findSearchShare(allocation.minMs, allocation);
  const max = findSearchShare(allocation.maxMs, allocation);
  return Math.min(max, Math.max(min, pool / (4 * Math.max(1, count))));
}

/** What {@link planSlice} weighs for one question of a rung. */
export interface SliceRequest {
  /** This rung's slice: the first slice, doubled at every rung. */
  readonly baseMs: number;
  /** Search time left in the pool. */
  readonly remainingMs: number;
  /** Questions still to run in this rung, this one included. */
  readonly waiting: number;
  /** Search time the question has spent so far. */
  readonly spentMs: number;
  /** Search time the question may spend at most (its maximum's search share). */
  readonly maxMs: number;
  /** Search time the question is owed whatever the pool says (its minimum's, in rung 0). */
  readonly owedMs: number;
}

/**
 * The slice a question gets: the rung's slice, capped by the pool's fair share and by what its
 * maximum leaves, but never below what it is still owed. 0 when nothing is left for it.
 */
export function planSlice(request: SliceRequest): number {
  const fair = Math.max(0, request.remainingMs) / Math.max(1, request.waiting);
  const room = request.maxMs - request.spentMs;
  const slice = Math.min(request.baseMs, fair, room);
  const owed = Math.min(request.owedMs - request.spentMs, room);
  const chosen = Math.max(slice, owed);
  return chosen < SHORTEST_SLICE_MS ? 0 : chosen;
}

/**
 * How promising a paused question looks: the best rank of any usable node below the root (0 when
 * it has none). Questions that look closest to an answer get their next slice first.
 */
export function findPromise(nodes: readonly TreeNode[]): number {
  let best = 0;
  for (const node of nodes) {
    if (node.parent !== null && isViable(node)) best = Math.max(best, rankOf(node));
  }
  return best;
}

/** Open questions for the next rung: most promising first, then in input order. */
export function orderByPromise<Q extends { readonly index: number; readonly promise: number }>(
  questions: readonly Q[],
): Q[] {
  return [...questions].sort((a, b) => b.promise - a.promise || a.index - b.index);
}
