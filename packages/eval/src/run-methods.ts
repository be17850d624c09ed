import { type ChainCost, labelBestOfN, runBestOfN, sizeBestOfN } from "./best-of-n.js";
import type { CaseOutcome, MethodRun } from "./method.js";
import { findPaperReference } from "./paper-reference.js";
import { type EvaluationPlan, seedCase } from "./plan-evaluation.js";
import type { ProgressTracker } from "./progress.js";
import type { MethodRow } from "./report.js";
import { summarizeOutcomes } from "./summarize.js";

/** The think time of every run in order, the pilot first: what the progress estimate weighs. */
export function listWeights(plan: EvaluationPlan): number[] {
  const searches = plan.methods.filter((method) => method.kind === "search").length;
  const perBudget = plan.methods.length + (plan.bestOfN ? searches : 0);
  const pilotMs = Math.max(...plan.budgetsMs);
  const weights = plan.bestOfN ? plan.cases.map(() => pilotMs) : [];
  for (const budgetMs of plan.budgetsMs)
    for (let i = 0; i < perBudget * plan.cases.length; i++) weights.push(budgetMs);
  return weights;
}

/** One run per case at `budgetMs`, each with its case's seed. */
export function createRuns(
  plan: EvaluationPlan,
  budgetMs: number,
  signal?: AbortSignal,
): MethodRun[] {
  return plan.cases.map((evalCase, index) => ({
    model: plan.model,
    evalCase,
    budgetMs,
    seed: seedCase(plan.options.seed, index),
    settings: plan.settings,
    ...(signal ? { signal } : {}),
  }));
}

/** Runs one method on every case in turn, reporting each to the tracker. */
async function runCases(
  runs: readonly MethodRun[],
  method: string,
  tracker: ProgressTracker,
  execute: (run: MethodRun) => Promise<CaseOutcome>,
): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const run of runs) {
    run.signal?.throwIfAborted();
    outcomes.push(await execute(run));
    tracker.step(method, run.budgetMs, run.evalCase.id);
  }
  return outcomes;
}

/** Every method at one think time, best-of-N right after the search it is sized to. */
export async function runAtBudget(
  plan: EvaluationPlan,
  budgetMs: number,
  chainCost: ChainCost | undefined,
  tracker: ProgressTracker,
  signal: AbortSignal | undefined,
): Promise<MethodRow[]> {
  const runs = createRuns(plan, budgetMs, signal);
  const rows: MethodRow[] = [];
  for (const method of plan.methods) {
    const outcomes = await runCases(runs, method.id, tracker, (run) => method.run(run));
    const paperSuccessRate = findPaperReference(plan.options.taskName, method.id);
    const row = summarizeOutcomes(
      {
        method: method.id,
        label: method.label(plan.settings),
        kind: method.kind,
        budgetMs,
        ...(paperSuccessRate === undefined ? {} : { paperSuccessRate }),
      },
      outcomes,
    );
    rows.push(row);
    if (!chainCost || method.kind !== "search") continue;
    const samples = sizeBestOfN(row.generatedTokensPerCase, chainCost.tokensPerChain);
    const id = `best-of-n@${method.id}`;
    const matched = await runCases(runs, id, tracker, (run) => runBestOfN(run, samples));
    const bestOfN = {
      matchedTo: method.id,
      samples,
      targetGeneratedTokens: row.generatedTokensPerCase,
      tokensPerChain: chainCost.tokensPerChain,
    };
    const label = labelBestOfN(samples, method.id);
    rows.push(
      summarizeOutcomes({ method: id, label, kind: "best-of-n", budgetMs, bestOfN }, matched),
    );
  }
  return rows;
}
