import type { Result, StopReason } from "../search/result.js";

/** What every question event of {@link ThinkManyProgress} says. */
interface QuestionProgress {
  /** The question's position in the inputs. */
  readonly index: number;
  /**
   * The round of allocation: 0 gives every question its first slice, later ones double it. A
   * question finished for the budget after the last round has the round after it (and
   * `allottedMs: 0`).
   */
  readonly rung: number;
  /** Think time given to this slice, in milliseconds. */
  readonly allottedMs: number;
  /** Think time the question has spent so far, all slices together. */
  readonly spentMs: number;
}

/**
 * Progress of {@link thinkMany}: a question's slice starts, the question pauses for the others,
 * or it finishes (with its result); `pool` after each slice says how much think time is left.
 */
export type ThinkManyProgress =
  | ({ readonly type: "question-started" } & QuestionProgress)
  | ({ readonly type: "question-paused" } & QuestionProgress)
  | ({
      readonly type: "question-finished";
      readonly stopReason: StopReason;
      readonly result: Result;
    } & QuestionProgress)
  | { readonly type: "pool"; readonly rung: number; readonly remainingMs: number };
