import { execFileSync } from "node:child_process";
import { formatDuration } from "@deliberate/core/options";
import { describeMachine, readLoadAverage } from "@deliberate/eval";
import { formatBudget } from "./format-summary.js";
import type { PuzzleJob } from "./run-plan.js";
import type { RunContext } from "./run-puzzle.js";
import type { RunRecord } from "./run-record.js";

/** The commit the code ran at, with `+dirty` when the working tree had changes; `unknown` outside git. */
export function readGitCommit(): string {
  try {
    const run = (args: string[]) =>
      execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = run(["rev-parse", "HEAD"]);
    return run(["status", "--porcelain", "--untracked-files=no"]) === ""
      ? commit
      : `${commit}+dirty`;
  } catch {
    return "unknown";
  }
}

/** What every row of this run shares. */
export function createRunContext(model: string, set: string): RunContext {
  const m = describeMachine();
  return {
    model,
    set,
    machine: `${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · ${m.platform}`,
    commit: readGitCommit(),
    loadAverage: readLoadAverage,
  };
}

/** One progress line on stderr per finished puzzle: count, what ran, outcome, time and ETA. */
export function formatProgressLine(
  done: number,
  total: number,
  job: PuzzleJob,
  record: RunRecord,
  elapsedMs: number,
): string {
  const eta = done === 0 ? "?" : formatDuration((elapsedMs / done) * (total - done));
  const outcome = record.solved ? "solved" : "not solved";
  return (
    `[${done}/${total}] ${job.name} @ ${formatBudget(job.budgetMs)} seed ${job.seed} · ${job.puzzle.id} · ` +
    `${outcome} (${record.stopReason}) in ${record.seconds.toFixed(2)} s · ETA ${eta}`
  );
}
