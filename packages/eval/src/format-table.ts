import { formatDuration } from "@deliberate/core/options";
import type { EvaluationReport, MethodRow } from "./report.js";
import { formatThinkTime } from "./think-time.js";

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const decimal = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);

/** Lines of a table: the first column left-aligned, the others right-aligned. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

function describeRow(row: MethodRow): string[] {
  return [
    row.kind === "best-of-n" ? `  ${row.label}` : row.label,
    percent(row.successRate),
    `${row.solved}/${row.cases}`,
    decimal(row.promptTokensPerCase),
    decimal(row.generatedTokensPerCase),
    row.secondsPerCase.toFixed(2),
    row.paperSuccessRate === undefined ? "" : percent(row.paperSuccessRate),
  ];
}

function formatCurve(report: EvaluationReport): string[] {
  const budgets = report.settings.budgetsMs;
  if (budgets.length < 2) return [];
  const header = ["success at think time", ...budgets.map((ms) => formatThinkTime(ms))];
  const rows = report.curve.map((series) => [
    series.kind === "best-of-n" ? `  ${series.label}` : series.label,
    ...budgets.map((ms) => {
      const point = series.points.find((p) => p.budgetMs === ms);
      return point ? percent(point.successRate) : "";
    }),
  ]);
  return ["", ...alignColumns([header, ...rows])];
}

/**
 * The report as text: the ToT paper's table shape with GPT-4's figures beside, success against
 * think time, and the notes a reader must not miss.
 *
 * @example
 * ```ts
 * console.log(formatEvaluationTable(await runEvaluation({ model, cases: 3 })));
 * ```
 */
export function formatEvaluationTable(report: EvaluationReport): string {
  const cases = `${report.cases.length} case${report.cases.length === 1 ? "" : "s"}`;
  const source =
    report.settings.caseSource === "tot"
      ? " from the ToT test set"
      : ` (${report.settings.caseSource})`;
  const profile = report.settings.profile ? ` · ${report.settings.profile} prompts` : "";
  const title =
    `${report.task} · ${report.model.source} · ${cases}${source}${profile} · ` +
    `${formatThinkTime(report.settings.budgetMs)} a case · seed ${report.settings.seed}`;
  const header = [
    "method",
    "success",
    "solved",
    "prompt tok/case",
    "gen tok/case",
    "s/case",
    "GPT-4 (paper)",
  ];
  const hasReference = report.table.some((row) => row.paperSuccessRate !== undefined);
  // A task the paper did not measure gets no empty reference column.
  const width = hasReference ? header.length : header.length - 1;
  const rows = [header, ...report.table.map(describeRow)].map((row) => row.slice(0, width));
  const lines = [title, "", ...alignColumns(rows)];
  lines.push(...formatCurve(report));
  if (hasReference) lines.push("", `GPT-4 column: ${report.reference.source}.`);
  if (report.chainCost) {
    lines.push(
      `best-of-N: N sampled chains of steps, the first answer the exact checker accepts wins; N is ` +
        `sized to the search above it at ${decimal(report.chainCost.tokensPerChain)} generated ` +
        `tokens a chain (pilot: ${report.chainCost.pilotChains} chains on each case).`,
    );
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  const m = report.machine;
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, load ` +
      `${m.loadAverage.start}→${m.loadAverage.end}; ${formatDuration(report.elapsedMs)} in all.`,
  );
  return lines.join("\n");
}
