import { describeValue } from "@deliberate/core/options";
import { measureChainCost } from "./best-of-n.js";
import { buildCurve } from "./build-curve.js";
import { EvaluationError } from "./errors.js";
import type { EvaluationOptions } from "./evaluation-options.js";
import { describeMachine, readLoadAverage } from "./machine.js";
import { PAPER_GAME24_SUCCESS, PAPER_REFERENCE_SOURCE } from "./paper-reference.js";
import { type EvaluationPlan, planEvaluation } from "./plan-evaluation.js";
import { createProgressTracker, type EvaluationProgress } from "./progress.js";
import { EVALUATION_FORMAT, type EvaluationReport, type MethodRow } from "./report.js";
import { createRuns, listWeights, runAtBudget } from "./run-methods.js";

/** Callbacks and cancellation of {@link runEvaluation}. */
export interface EvaluationHooks {
  /** Called after every run of one method on one case. */
  readonly onProgress?: (progress: EvaluationProgress) => void;
  /** Stops the evaluation; it then rejects with an `ABORTED` {@link EvaluationError}. */
  readonly signal?: AbortSignal;
}

/** Runs the pilot and every think time; a cancelled run becomes an `ABORTED` error. */
async function runAll(plan: EvaluationPlan, hooks: EvaluationHooks) {
  const tracker = createProgressTracker(listWeights(plan), hooks.onProgress);
  // The pilot measures whole chains: the longest think time cuts the fewest of them short.
  const pilotMs = Math.max(...plan.budgetsMs);
  try {
    const chainCost = plan.bestOfN
      ? await measureChainCost(createRuns(plan, pilotMs, hooks.signal), (outcome) =>
          tracker.step("best-of-n pilot", pilotMs, outcome.case),
        )
      : undefined;
    const rowsByBudget = new Map<number, MethodRow[]>();
    for (const budgetMs of plan.budgetsMs)
      rowsByBudget.set(
        budgetMs,
        await runAtBudget(plan, budgetMs, chainCost, tracker, hooks.signal),
      );
    return { chainCost, rowsByBudget };
  } catch (error) {
    if (!hooks.signal?.aborted) throw error;
    throw new EvaluationError(
      "ABORTED",
      `Expected the evaluation to finish, got cancelled: ${describeValue(String(hooks.signal.reason))}`,
      { cause: error },
    );
  }
}

/**
 * Runs every method on every case at every think time and gathers the figures: the table at
 * the table's think time, and one accuracy-against-think-time series a method. Cases run one at
 * a time, so seconds per case are the method's own.
 *
 * @example
 * ```ts
 * import { formatEvaluationTable, runEvaluation } from "@deliberate/eval";
 * import { loadModel } from "@deliberate/llama";
 * const model = await loadModel({ model: "synthetic:tiny" });
 * const report = await runEvaluation(
 *   { model, modelSource: "synthetic:tiny", cases: 3, budgets: ["1s", "2s"] },
 *   { onProgress: (p) => console.error(`${p.done}/${p.total}`) },
 * );
 * console.log(formatEvaluationTable(report));
 * await model.dispose();
 * ```
 */
export async function runEvaluation(
  options: EvaluationOptions,
  hooks: EvaluationHooks = {},
): Promise<EvaluationReport> {
  const plan = planEvaluation(options);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = readLoadAverage();
  const { chainCost, rowsByBudget } = await runAll(plan, hooks);
  return {
    format: EVALUATION_FORMAT,
    task: plan.options.taskName,
    model: { id: plan.model.id, source: plan.modelSource, randomWeights: plan.randomWeights },
    notes: [...plan.notes],
    settings: {
      seed: plan.options.seed,
      methods: [...plan.options.methods],
      budgetMs: plan.budgetMs,
      budgetsMs: [...plan.budgetsMs],
      ...(plan.profile ? { profile: plan.profile } : {}),
      caseSource: Array.isArray(plan.options.cases) ? "given" : plan.options.caseSource,
      ...plan.settings,
    },
    machine: {
      ...describeMachine(),
      loadAverage: { start: loadAtStart, end: readLoadAverage() },
    },
    cases: plan.cases.map((evalCase) => ({ id: evalCase.id, input: evalCase.input })),
    reference: {
      source: PAPER_REFERENCE_SOURCE,
      successRates: plan.options.taskName === "game24" ? { ...PAPER_GAME24_SUCCESS } : {},
    },
    ...(chainCost ? { chainCost } : {}),
    table: rowsByBudget.get(plan.budgetMs) ?? [],
    curve: buildCurve(rowsByBudget),
    startedAt,
    elapsedMs: performance.now() - started,
  };
}
