import type { CurveSeries, MethodRow } from "./report.js";

/** Gathers the rows of every think time into one series a method, points by ascending time. */
export function buildCurve(rowsByBudget: ReadonlyMap<number, readonly MethodRow[]>): CurveSeries[] {
  const series = new Map<string, CurveSeries>();
  const budgets = [...rowsByBudget.keys()].sort((a, b) => a - b);
  for (const budgetMs of budgets) {
    for (const row of rowsByBudget.get(budgetMs) ?? []) {
      let line = series.get(row.method);
      if (!line) {
        line = {
          method: row.method,
          label:
            row.kind === "best-of-n" ? `best-of-N = ${row.bestOfN?.matchedTo} tokens` : row.label,
          kind: row.kind,
          ...(row.bestOfN ? { pairedWith: row.bestOfN.matchedTo } : {}),
          points: [],
        };
        series.set(row.method, line);
      }
      line.points.push({
        budgetMs,
        successRate: row.successRate,
        solved: row.solved,
        cases: row.cases,
        generatedTokensPerCase: row.generatedTokensPerCase,
        secondsPerCase: row.secondsPerCase,
      });
    }
  }
  return [...series.values()];
}
