import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EvaluationError } from "./errors.js";
import { formatEvaluationTable } from "./format-table.js";
import { renderAccuracyChart } from "./render-chart.js";
import { EvaluationReport } from "./report.js";

/** Where {@link writeEvaluationFiles} put each file. */
export interface EvaluationFiles {
  readonly json: string;
  readonly svg: string;
  readonly text: string;
}

/**
 * Writes the report into `dir` (created if missing): `evaluation.json`, the chart beside it as
 * `accuracy-vs-think-time.svg`, and the table as `evaluation.txt`.
 *
 * @example
 * ```ts
 * const files = await writeEvaluationFiles(report, "bench-results/eval");
 * console.error(`chart: ${files.svg}`);
 * ```
 */
export async function writeEvaluationFiles(
  report: EvaluationReport,
  dir: string,
): Promise<EvaluationFiles> {
  await mkdir(dir, { recursive: true });
  const files = {
    json: join(dir, "evaluation.json"),
    svg: join(dir, "accuracy-vs-think-time.svg"),
    text: join(dir, "evaluation.txt"),
  };
  await writeFile(files.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(files.svg, renderAccuracyChart(report));
  await writeFile(files.text, `${formatEvaluationTable(report)}\n`);
  return files;
}

/** Reads an `evaluation.json` back, checking it has the documented shape. */
export async function loadEvaluationReport(path: string): Promise<EvaluationReport> {
  const text = await readFile(path, "utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EvaluationError(
      "INVALID_REPORT",
      `Expected JSON in ${path}, got text that does not parse`,
      {
        cause: error,
      },
    );
  }
  const parsed = EvaluationReport.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EvaluationError(
      "INVALID_REPORT",
      `Expected an evaluation report in ${path}; at \`${issue?.path.join(".")}\`: ${issue?.message}`,
    );
  }
  return parsed.data;
}
