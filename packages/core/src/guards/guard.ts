/**
 * The guard seam: what the engine asks of a check run on the input before any model work.
 * `@deliberate/guards` ships guards of this shape (length, encoded payloads, adversarial
 * suffixes); core never imports it, and a plain object of your own fits too.
 */

/** What a guard is handed besides the input. */
export interface GuardCheckOptions {
  /** Aborts when the search is cancelled: a guard that calls a model should stop and throw. */
  readonly signal?: AbortSignal;
}

/** What a guard measured, as flat data the tree can keep: `{ characters: 2417 }`. */
export type GuardMeasurement = { readonly [key: string]: unknown };

/** The input passed the guard. */
export interface GuardPass {
  readonly ok: true;
  readonly measurement?: GuardMeasurement;
}

/** The guard flagged the input: `reason` says what it expected and what came. */
export interface GuardFailure {
  readonly ok: false;
  readonly reason: string;
  readonly measurement?: GuardMeasurement;
}

/**
 * One guard's verdict on one input: passed, or flagged with a reason. Whether a flagged input
 * blocks the search or only warns is the caller's choice ({@link GuardChoice}), not the guard's.
 */
export type GuardVerdict = GuardPass | GuardFailure;

/**
 * A check run on the input (the question) before the search starts. Return a verdict; throw only
 * when no verdict can be reached (the search then stops as `failed`, naming the guard).
 *
 * @example
 * ```ts
 * const noUrls: Guard = {
 *   name: "no-urls",
 *   check: (input) =>
 *     input.includes("://")
 *       ? { ok: false, reason: "Expected no URL in the question, got one." }
 *       : { ok: true },
 * };
 * const result = await think(question, { model, guards: [noUrls] });
 * if (result.stopReason === "blocked") console.log(result.blocked?.reason);
 * ```
 */
export interface Guard {
  /** Names the guard in the tree, the result and errors. */
  readonly name: string;
  check(input: string, options?: GuardCheckOptions): GuardVerdict | Promise<GuardVerdict>;
}

/**
 * What a flagged input does: `block` stops the search before any model work
 * (`stopReason: "blocked"`), `warn` records the verdict and thinks anyway.
 */
export type GuardAction = "block" | "warn";

/** A guard with what its flag does. A bare {@link Guard} blocks. */
export interface GuardChoice {
  readonly guard: Guard;
  /** @default "block" */
  readonly onFlag?: GuardAction;
}

/** An entry of the `guards` option: a guard (it blocks), or a guard with what its flag does. */
export type GuardOption = Guard | GuardChoice;
