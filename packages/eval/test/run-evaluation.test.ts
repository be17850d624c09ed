import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  EvaluationError,
  type EvaluationProgress,
  EvaluationReport,
  formatEvaluationTable,
  loadEvaluationReport,
  writeEvaluationFiles,
} from "../src/index.js";
import { KNOWN_PUZZLE, runTinyEvaluation } from "./support/tiny-evaluation.js";

/** The report without wall-clock figures, which no seed can fix. */
function dropTimings(report: EvaluationReport) {
  return {
    table: report.table.map(({ secondsPerCase, outcomes, ...row }) => ({
      ...row,
      outcomes: outcomes.map(({ seconds, ...outcome }) => outcome),
    })),
    curve: report.curve.map((series) => ({
      ...series,
      points: series.points.map(({ secondsPerCase, ...point }) => point),
    })),
    chainCost: report.chainCost,
  };
}

describe("runEvaluation", () => {
  it("produces the paper's table with best-of-N beside each search", async () => {
    const report = await runTinyEvaluation();
    expect(report.table.map((row) => row.method)).toEqual([
      "io",
      "cot",
      "cot-sc",
      "tot-b1",
      "best-of-n@tot-b1",
      "tot-b5",
      "best-of-n@tot-b5",
      "dfs",
      "best-of-n@dfs",
      "mcts",
      "best-of-n@mcts",
    ]);
    const io = report.table.find((row) => row.method === "io");
    expect(io?.outcomes.find((o) => o.case === KNOWN_PUZZLE)?.solved).toBe(true);
    expect(io?.successRate).toBe(0.5);
    expect(io?.paperSuccessRate).toBe(0.073);
    const text = formatEvaluationTable(report);
    expect(text).toContain("ToT beam b=5 (4 a state)");
    expect(text).toContain("74.0%");
    expect(text).toMatch(/best-of-\d+ \+ checker \(= tot-b5 tokens\)/);
    expect(text).toContain("success at think time");
  });

  it("leaves out the GPT-4 column for a task the paper did not measure", async () => {
    const report = await runTinyEvaluation({
      taskName: "my-task",
      methods: ["io"],
      budgets: ["30s"],
    });
    expect(report.table[0]?.paperSuccessRate).toBeUndefined();
    expect(formatEvaluationTable(report)).not.toContain("GPT-4");
  });

  it("returns JSON of the documented shape", async () => {
    const report = await runTinyEvaluation();
    const parsed = EvaluationReport.parse(JSON.parse(JSON.stringify(report)));
    expect(parsed.settings.budgetsMs).toEqual([20_000, 30_000]);
    expect(parsed.settings.budgetMs).toBe(30_000);
    expect(parsed.curve).toHaveLength(parsed.table.length);
    for (const series of parsed.curve) expect(series.points).toHaveLength(2);
    for (const row of parsed.table)
      for (const outcome of row.outcomes) if (outcome.solved) expect(outcome.answer).toBeDefined();
  });

  it("writes the JSON, the chart and the table next to each other and reads the JSON back", async () => {
    const report = await runTinyEvaluation({ methods: ["io", "tot-b1", "best-of-n"] });
    const files = await writeEvaluationFiles(report, await mkdtemp(join(tmpdir(), "eval-")));
    expect((await loadEvaluationReport(files.json)).table).toEqual(report.table);
    expect(await readFile(files.svg, "utf8")).toContain("<polyline");
    expect(await readFile(files.text, "utf8")).toContain("IO (one sample)");
  });

  it("repeats every outcome and token count with the same seed", async () => {
    const first = await runTinyEvaluation({ seed: 11 });
    const second = await runTinyEvaluation({ seed: 11 });
    expect(dropTimings(second)).toEqual(dropTimings(first));
  });

  it("reports progress after every run, ending at the total", async () => {
    const seen: EvaluationProgress[] = [];
    await runTinyEvaluation(
      { methods: ["io", "tot-b1", "best-of-n"] },
      {},
      { onProgress: (p) => seen.push(p) },
    );
    // pilot 2 + two think times × (io, tot-b1, best-of-n@tot-b1) × 2 cases
    expect(seen).toHaveLength(14);
    expect(seen.at(-1)).toMatchObject({ done: 14, total: 14, etaMs: 0 });
    expect(seen.every((p) => p.etaMs !== undefined)).toBe(true);
  });

  it("says the output shows the search, not the model, for a synthetic model", async () => {
    const report = await runTinyEvaluation({ modelSource: "synthetic:tiny", methods: ["tot-b1"] });
    expect(report.model.randomWeights).toBe(true);
    expect(formatEvaluationTable(report)).toContain("what this shows is the search, not the model");
  });

  it("rejects with ABORTED when cancelled", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(runTinyEvaluation({}, {}, { signal: controller.signal })).rejects.toMatchObject({
      code: "ABORTED",
    });
    await expect(runTinyEvaluation({}, {}, { signal: controller.signal })).rejects.toBeInstanceOf(
      EvaluationError,
    );
  });
});
