import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Model } from "@deliberate/core";
import { loadModel } from "@deliberate/llama";
import { resolveBuiltinModel } from "@deliberate/tiny-reasoner";
import type { AnytimeFlags } from "./anytime-flags.js";
import { loadPuzzleSet } from "./puzzle-set.js";
import { createRunContext, formatProgressLine } from "./run-context.js";
import { groupSharedJobs, type PlanInput, type PuzzleJob, planPuzzleJobs } from "./run-plan.js";
import { type RunContext, runPuzzleJob, runSharedGroup } from "./run-puzzle.js";
import { appendRunRecord, closeLastLine, formatRecordKey, readRunRecords } from "./run-record.js";
import { AnytimeUsageError } from "./usage-error.js";
import { type AnytimeReport, writeAnytimeReport } from "./write-report.js";

/** Where a run reports progress, and what stops it. */
export interface AnytimeHooks {
  readonly signal?: AbortSignal;
  /** One line per finished puzzle and a few notes; stderr in the command. */
  readonly log: (line: string) => void;
}

async function readDoneKeys(flags: AnytimeFlags, runsPath: string): Promise<Set<string>> {
  if (!existsSync(runsPath)) return new Set();
  if (!flags.resume)
    throw new AnytimeUsageError(
      `Expected no ${runsPath} yet: pass --resume to continue it, or another --out`,
    );
  await closeLastLine(runsPath);
  const existing = await readRunRecords([runsPath]);
  const other = existing.find((r) => r.model !== flags.model);
  if (other)
    throw new AnytimeUsageError(
      `Expected the rows of ${runsPath} to be on --model ${flags.model}, got one on ${other.model}`,
    );
  return new Set(existing.map(formatRecordKey));
}

async function runJobs(
  jobs: readonly PuzzleJob[],
  input: PlanInput,
  model: Model,
  context: RunContext,
  runsPath: string,
  hooks: AnytimeHooks,
): Promise<void> {
  const started = performance.now();
  let done = 0;
  const pending = new Set(
    jobs.map((job) =>
      formatRecordKey({
        method: job.name,
        budgetMs: job.budgetMs,
        seed: job.seed,
        set: input.set,
        puzzle: job.puzzle.id,
      }),
    ),
  );
  const groups = input.shared ? groupSharedJobs(jobs, input) : jobs.map((job) => [job]);
  for (const group of groups) {
    if (hooks.signal?.aborted) return;
    const onFinished = (index: number) =>
      hooks.log(
        `  shared: ${group[index]?.puzzle.id} finished (${group[0]?.name}, seed ${group[0]?.seed})`,
      );
    const records = input.shared
      ? await runSharedGroup(group, model, context, { signal: hooks.signal, onFinished })
      : await runPuzzleJob(group[0] as PuzzleJob, model, context, hooks.signal).then((r) =>
          r ? [r] : undefined,
        );
    if (records === undefined) return;
    for (const [i, record] of records.entries()) {
      if (!pending.delete(formatRecordKey(record))) continue;
      await appendRunRecord(runsPath, record);
      done += 1;
      hooks.log(
        formatProgressLine(
          done,
          jobs.length,
          group[i] as PuzzleJob,
          record,
          performance.now() - started,
        ),
      );
    }
  }
}

/**
 * Runs every (method, budget, seed, puzzle) not yet in `<out>/runs.jsonl` on one loaded model,
 * one puzzle after another (or one thinkMany per method, budget and seed with `--shared`),
 * appending each row as it finishes; then writes the summary and chart from every row in the
 * file. With `--report-only`, only the second half, from `--in` files. A stopped signal ends the
 * run after the rows already written, which the summary still covers.
 */
export async function runAnytime(flags: AnytimeFlags, hooks: AnytimeHooks): Promise<AnytimeReport> {
  const runsPath = join(flags.out, "runs.jsonl");
  if (flags.reportOnly) {
    const inputs = flags.inputs.length > 0 ? flags.inputs : [runsPath];
    return writeAnytimeReport(await readRunRecords(inputs), flags.out, flags.reference);
  }
  const puzzles = loadPuzzleSet(flags.puzzles);
  const input: PlanInput = { ...flags, set: flags.puzzles.set, puzzles };
  const jobs = planPuzzleJobs(input, await readDoneKeys(flags, runsPath));
  hooks.log(`${jobs.length} puzzle runs to do into ${runsPath}`);
  if (jobs.length > 0) {
    const model = await loadModel({
      model: resolveBuiltinModel(flags.model) ?? flags.model,
      threads: flags.threads,
    });
    try {
      await runJobs(jobs, input, model, createRunContext(flags.model, input.set), runsPath, hooks);
    } finally {
      await model.dispose();
    }
  }
  if (!existsSync(runsPath))
    throw new AnytimeUsageError(`Expected rows in ${runsPath}, got no file: nothing ran`);
  return writeAnytimeReport(await readRunRecords([runsPath]), flags.out, flags.reference);
}
