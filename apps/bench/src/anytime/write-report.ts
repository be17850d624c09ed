import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatSummaryTable } from "./format-summary.js";
import { renderAnytimeChart } from "./render-anytime-chart.js";
import { formatRecordKey, type RunRecord } from "./run-record.js";
import { type SummaryRow, summarizeRuns } from "./summarize-runs.js";

/** What {@link writeAnytimeReport} wrote and found. */
export interface AnytimeReport {
  readonly rows: readonly SummaryRow[];
  readonly markdown: string;
  /** Rows left out because an earlier row had the same method, budget, seed, set and puzzle. */
  readonly duplicates: number;
  readonly files: { readonly markdown: string; readonly json: string; readonly svg: string };
}

/** The rows with each (method, budget, seed, set, puzzle) once: the first one read wins. */
export function removeDuplicateRecords(records: readonly RunRecord[]): RunRecord[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    const key = formatRecordKey(record);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeRecords(records: readonly RunRecord[]): string {
  const list = (values: readonly string[]) => [...new Set(values)].join(", ") || "none";
  return `${list(records.map((r) => r.model))} · ${list(records.map((r) => r.set))} set`;
}

/**
 * Summarizes rows and writes `summary.md`, `summary.json` and `accuracy.svg` into `dir`.
 *
 * @example
 * ```ts
 * const report = await writeAnytimeReport(await readRunRecords(["runs.jsonl"]), "out", "default");
 * console.log(report.markdown);
 * ```
 */
export async function writeAnytimeReport(
  records: readonly RunRecord[],
  dir: string,
  reference: string,
): Promise<AnytimeReport> {
  const unique = removeDuplicateRecords(records);
  const rows = summarizeRuns(unique, reference);
  const about = describeRecords(unique);
  const title =
    `Think time that turns into accuracy · ${about} · reference ${reference}\n\n` +
    "success: mean over puzzles of the share of seeds that solved it; 95% CI: percentile bootstrap over puzzles (2,000 resamples, " +
    "seeds of a puzzle kept together); work tok: prompt tokens evaluated + generated; all tok: prompt tokens sent + generated; " +
    "Δ: paired difference to the reference on the same (puzzle, seed), CI by the same bootstrap; b / c: pairs only this method / " +
    "only the reference solved; McNemar p: exact two-sided binomial on b and c pooled over seeds.";
  const markdown = formatSummaryTable(rows, title);
  await mkdir(dir, { recursive: true });
  const files = {
    markdown: join(dir, "summary.md"),
    json: join(dir, "summary.json"),
    svg: join(dir, "accuracy.svg"),
  };
  await writeFile(files.markdown, markdown);
  const json = {
    reference,
    about,
    runs: unique.length,
    duplicates: records.length - unique.length,
    rows,
  };
  await writeFile(files.json, `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(files.svg, renderAnytimeChart(rows, about));
  return { rows, markdown, duplicates: records.length - unique.length, files };
}
