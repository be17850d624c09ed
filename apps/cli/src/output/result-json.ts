import type { Result } from "@deliberate/core";

/** The object `--json` prints: stable keys, `null` where a value is absent. */
export interface ResultJson {
  readonly question: string;
  readonly task: string;
  readonly model: string;
  /** The backend the model ran on (`cpu`, `cuda`, `vulkan`, `metal`); `null` when it did not say. */
  readonly device: string | null;
  readonly strategy: string;
  readonly answer: string | null;
  /** Whether the task's verifier accepted the answer; `null` when the task has none or no answer. */
  readonly verified: boolean | null;
  readonly stopReason: Result["stopReason"];
  /** The budget limit that stopped the search, with `stopReason: "budget"`. */
  readonly limit: string | null;
  readonly error: string | null;
  /** With `stopReason: "blocked"`, the verdict of the guard that refused the question. */
  readonly blocked: NonNullable<Result["blocked"]> | null;
  /** `SIGINT` or `SIGTERM` when a signal stopped the search. */
  readonly signal: string | null;
  readonly best: { readonly score: number; readonly path: Result["best"]["path"] };
  readonly usage: Result["usage"];
  readonly elapsedMs: number;
  /** Files written: the tree (`--save`) and the viewer (`--html`). */
  readonly files: { readonly tree: string | null; readonly html: string | null };
}

/** Builds the `--json` object of a result. */
export function toResultJson(
  result: Result,
  context: { model: string; signal?: string; tree?: string; html?: string },
): ResultJson {
  return {
    question: result.tree.question,
    task: result.tree.task,
    model: context.model,
    device: result.tree.device ?? null,
    strategy: result.tree.strategy,
    answer: result.answer ?? null,
    verified: result.verified ?? null,
    stopReason: result.stopReason,
    limit: result.limit ?? null,
    error: result.error ?? null,
    blocked: result.blocked ?? null,
    signal: context.signal ?? null,
    best: { score: result.best.score, path: result.best.path },
    usage: result.usage,
    elapsedMs: Math.round(result.usage.elapsedMs),
    files: { tree: context.tree ?? null, html: context.html ?? null },
  };
}

/**
 * Serializes for stdout. `JSON.stringify` escapes C0 controls but not DEL, C1 controls or the bidi
 * overrides, which a terminal showing the JSON would still obey: those are escaped too.
 */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
