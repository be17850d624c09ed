import type { Interval } from "./statistics.js";
import type { SummaryRow } from "./summarize-runs.js";

const percent = (rate: number) => `${(rate * 100).toFixed(1)}`;
const range = (interval: Interval) => `${percent(interval.low)}–${percent(interval.high)}`;
const points = (rate: number) => `${rate >= 0 ? "+" : ""}${(rate * 100).toFixed(1)}`;
const tokens = (value: number) => Math.round(value).toLocaleString("en-US");

/** A budget as people write it: `300ms`, `4s`, `1.5s`, `64s`. */
export function formatBudget(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)}ms` : `${Number((ms / 1000).toFixed(2))}s`;
}

function formatP(p: number): string {
  if (p < 0.001) return "<0.001";
  return p.toFixed(3);
}

/** The summary as Markdown: a header line, then one table row per method and budget. */
export function formatSummaryTable(rows: readonly SummaryRow[], title: string): string {
  const header = [
    "method",
    "budget",
    "seeds",
    "puzzles",
    "success %",
    "95% CI",
    "s / puzzle",
    "work tok / puzzle",
    "all tok / puzzle",
    "Δ vs ref (pp)",
    "Δ 95% CI",
    "b / c",
    "McNemar p",
    "≤ 2× greedy",
  ];
  const lines = rows.map((row) => {
    const c = row.comparison;
    return [
      row.method,
      formatBudget(row.budgetMs),
      String(row.seeds.length),
      String(row.puzzles),
      percent(row.successRate),
      range(row.interval),
      row.secondsPerPuzzle.toFixed(2),
      tokens(row.workTokensPerPuzzle),
      tokens(row.totalTokensPerPuzzle),
      c ? points(c.difference) : "—",
      c ? `${points(c.interval.low)} to ${points(c.interval.high)}` : "—",
      c ? `${c.b} / ${c.c}` : "—",
      c ? formatP(c.p) : "—",
      row.greedyTime ? `${row.greedyTime.withinTwice}/${row.greedyTime.runs}` : "—",
    ];
  });
  const table = [header, header.map(() => "---"), ...lines].map(
    (cells) => `| ${cells.join(" | ")} |`,
  );
  return `${title}\n\n${table.join("\n")}\n`;
}
