import type { Result, ThinkManyResult } from "@deliberate/core";
import { formatDuration } from "@deliberate/core/options";
import { ExitCode } from "../cli-error.js";
import type { InputLine } from "../run/read-input-lines.js";
import { toSafeLine } from "../ui/terminal.js";
import { type ResultJson, toResultJson } from "./result-json.js";

/** Whether a result is solved: verified, or answered when its task has no verifier. */
function isSolved(result: Result): boolean {
  return result.verified === true || (result.verified === undefined && result.answer !== undefined);
}

/**
 * One line for an input that finished: where it stands in the file, the input, the answer and
 * its verdict, why it stopped and the think time it took. Text from the file and the model is
 * stripped of control sequences.
 */
export function formatQuestionLine(
  input: InputLine,
  position: { readonly index: number; readonly count: number },
  result: Result,
): string {
  const verdict = result.verified === true ? " ✓" : result.verified === false ? " ✗" : "";
  const answer =
    result.answer === undefined ? "no answer" : `${toSafeLine(result.answer, 200)}${verdict}`;
  const stop =
    result.stopReason === "budget" && result.limit
      ? `budget: ${result.limit}`
      : result.stopReason === "blocked"
        ? `blocked by the ${toSafeLine(result.blocked?.guard ?? "input", 60)} guard`
        : result.stopReason;
  return [
    `[${position.index + 1}/${position.count}] ${toSafeLine(input.text, 120)}`,
    answer,
    stop,
    `${(result.usage.elapsedMs / 1000).toFixed(2)}s`,
  ].join(" · ");
}

/** The last line of `solve --file`: how many were solved, and the think time spent of the pool. */
export function formatManySummary(many: ThinkManyResult, budgetMs: number): string {
  const solved = many.results.filter(isSolved).length;
  return [
    `solved ${solved}/${many.results.length}`,
    `${formatDuration(many.spentMs)} of ${formatDuration(budgetMs)} think time`,
    `${many.rungs} rung${many.rungs === 1 ? "" : "s"}`,
  ].join(" · ");
}

/** The object `solve --file --json` prints: totals, then one result per input, in file order. */
export interface ManyJson {
  readonly task: string;
  readonly model: string;
  readonly budgetMs: number;
  readonly spentMs: number;
  readonly rungs: number;
  readonly solved: number;
  readonly count: number;
  /** `SIGINT` or `SIGTERM` when a signal stopped the questions. */
  readonly signal: string | null;
  readonly usage: ThinkManyResult["usage"];
  readonly results: readonly (Omit<ResultJson, "files" | "signal"> & {
    readonly line: number;
    readonly input: string;
  })[];
}

/** Builds the `--json` object of a `solve --file`. */
export function toManyJson(
  many: ThinkManyResult,
  inputs: readonly InputLine[],
  context: { task: string; model: string; budgetMs: number; signal?: string },
): ManyJson {
  return {
    task: context.task,
    model: context.model,
    budgetMs: context.budgetMs,
    spentMs: Math.round(many.spentMs),
    rungs: many.rungs,
    solved: many.results.filter(isSolved).length,
    count: many.results.length,
    signal: context.signal ?? null,
    usage: many.usage,
    results: many.results.map((result, index) => {
      const { files: _files, signal: _signal, ...json } = toResultJson(result, context);
      const input = inputs[index];
      return { line: input?.line ?? 0, input: input?.text ?? "", ...json };
    }),
  };
}

/** The exit code of `solve --file`: 0 when every input is answered, 3 when one is not. */
export function findManyExitCode(many: ThinkManyResult, signal: string | undefined): ExitCode {
  if (signal === "SIGINT") return ExitCode.interrupted;
  if (signal === "SIGTERM") return ExitCode.terminated;
  if (many.results.some((result) => result.stopReason === "failed")) return ExitCode.error;
  if (many.results.some((result) => result.stopReason === "blocked")) return ExitCode.blocked;
  const answered = (result: Result) => result.answer !== undefined && result.verified !== false;
  return many.results.every(answered) ? ExitCode.answered : ExitCode.noAnswer;
}
