import type { BudgetLimit } from "../budget/budget.js";
import type { ModelUsage } from "../model/model.js";
import type { GuardRecord, SearchTree } from "../tree/schema.js";

/**
 * Why a search stopped: a verified answer (`solved`), an answer settled without a verifier
 * (`settled`: enough paths agree, or its value held high), the budget spent (`budget`), nothing
 * left to try (`exhausted`), a cancel, a failure, or an input guard that refused the question
 * before any model work (`blocked`).
 */
export type StopReason =
  | "solved"
  | "settled"
  | "budget"
  | "exhausted"
  | "cancelled"
  | "failed"
  | "blocked";

/** One step of the best path. */
export interface PathStep {
  readonly id: number;
  readonly text: string;
  readonly score?: number;
}

/** What a search spent. */
export interface SearchUsage extends ModelUsage {
  readonly nodes: number;
  readonly elapsedMs: number;
  /** Tools called inside thoughts (model calls are `calls`). */
  readonly toolCalls: number;
}

/** The outcome of {@link think}: the best answer found, why the search stopped, and the whole tree. */
export interface Result {
  /** The answer, when any path reached one. */
  readonly answer?: string;
  /** Whether the task's verifier accepted the answer; absent when the task has no verifier. */
  readonly verified?: boolean;
  readonly stopReason: StopReason;
  /** With `stopReason: "budget"`, the limit that ran out. */
  readonly limit?: BudgetLimit;
  /** With `stopReason: "failed"`, what went wrong. */
  readonly error?: string;
  /**
   * With `stopReason: "blocked"`, the guard's verdict that refused the question: its name and
   * reason. Every verdict, passed or not, is a `guarded` event in the tree.
   */
  readonly blocked?: GuardRecord;
  /**
   * The thoughts from the question to the answer (or, without one, to the best partial state),
   * first step first; the question itself (the tree's root) is not a step.
   */
  readonly best: { readonly path: readonly PathStep[]; readonly score: number };
  readonly tree: SearchTree;
  readonly usage: SearchUsage;
}
