import type { CaseOutcome, MethodKind } from "./method.js";
import type { MethodRow } from "./report.js";

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/** Everything a row says besides its outcomes' sums. */
export interface RowIdentity {
  readonly method: string;
  readonly label: string;
  readonly kind: MethodKind;
  readonly budgetMs: number;
  readonly paperSuccessRate?: number;
  readonly bestOfN?: MethodRow["bestOfN"];
}

/** Sums one method's outcomes over the cases into a table row. */
export function summarizeOutcomes(
  identity: RowIdentity,
  outcomes: readonly CaseOutcome[],
): MethodRow {
  const stopReasons: Record<string, number> = {};
  for (const outcome of outcomes)
    stopReasons[outcome.stopReason] = (stopReasons[outcome.stopReason] ?? 0) + 1;
  const solved = outcomes.filter((outcome) => outcome.solved).length;
  return {
    method: identity.method,
    label: identity.label,
    kind: identity.kind,
    budgetMs: identity.budgetMs,
    cases: outcomes.length,
    solved,
    successRate: outcomes.length === 0 ? 0 : solved / outcomes.length,
    promptTokensPerCase: mean(outcomes.map((o) => o.promptTokens)),
    evaluatedPromptTokensPerCase: mean(outcomes.map((o) => o.evaluatedPromptTokens)),
    generatedTokensPerCase: mean(outcomes.map((o) => o.generatedTokens)),
    callsPerCase: mean(outcomes.map((o) => o.calls)),
    secondsPerCase: mean(outcomes.map((o) => o.seconds)),
    stopReasons,
    ...(identity.paperSuccessRate === undefined
      ? {}
      : { paperSuccessRate: identity.paperSuccessRate }),
    ...(identity.bestOfN ? { bestOfN: identity.bestOfN } : {}),
    outcomes: outcomes.map((outcome) => ({ ...outcome })),
  };
}
