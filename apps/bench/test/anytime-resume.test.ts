import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAnytimeFlags } from "../src/anytime/anytime-flags.js";
import { parseMethodList } from "../src/anytime/method-spec.js";
import { loadPuzzleSet } from "../src/anytime/puzzle-set.js";
import { runAnytime } from "../src/anytime/run-anytime.js";
import { planPuzzleJobs } from "../src/anytime/run-plan.js";
import { formatRecordKey, type RunRecord, readRunRecords } from "../src/anytime/run-record.js";
import { summarizeRuns } from "../src/anytime/summarize-runs.js";

function makeRecord(method: string, puzzle: string, seed: number, solved: boolean): RunRecord {
  return {
    method,
    shared: false,
    budgetMs: 1000,
    seed,
    thinkSeed: seed,
    model: "synthetic:tiny",
    set: "tune",
    puzzleIndex: 0,
    puzzle,
    solved,
    claimed: solved,
    stopReason: solved ? "solved" : "budget",
    promptTokens: 10,
    evaluatedPromptTokens: 8,
    generatedTokens: 20,
    workTokens: 28,
    totalTokens: 30,
    calls: 2,
    nodes: 3,
    seconds: 0.5,
    machine: "test",
    loadAverage: 0,
    startedAt: "2026-12-04T00:00:00.000Z",
    commit: "x",
  };
}

describe("--resume", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "anytime-resume-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("plans only the (method, budget, seed, puzzle) rows not yet written", () => {
    const puzzles = loadPuzzleSet({ set: "tune", count: 2, setSeed: 7 });
    const input = {
      methods: parseMethodList("default,greedy"),
      budgetsMs: [1000],
      seeds: [1],
      puzzles,
      set: "tune",
      shared: false,
    };
    const first = puzzles[0]?.id ?? "";
    const done = new Set([
      formatRecordKey({ method: "default", budgetMs: 1000, seed: 1, set: "tune", puzzle: first }),
    ]);
    const jobs = planPuzzleJobs(input, done);
    expect(jobs).toHaveLength(3);
    expect(jobs.some((j) => j.name === "default" && j.puzzle.id === first)).toBe(false);
    // Every method on a puzzle before the next puzzle: a stopped run still pairs.
    expect(jobs.map((j) => `${j.name} ${j.puzzle.index}`)).toEqual([
      "greedy 0",
      "default 1",
      "greedy 1",
    ]);
  });

  it("runs nothing and loads no model when every row is written, and keeps a line cut short out", async () => {
    const puzzles = loadPuzzleSet({ set: "tune", count: 1, setSeed: 7 });
    const id = puzzles[0]?.id ?? "";
    const rows = [makeRecord("default", id, 1, true), makeRecord("greedy", id, 1, false)];
    const runs = join(dir, "runs.jsonl");
    await writeFile(runs, `${rows.map((r) => JSON.stringify(r)).join("\n")}\n{"method":"gre`);
    const args = [
      "--model",
      "synthetic:tiny",
      "--methods",
      "default,greedy",
      "--budgets",
      "1s",
      "--seeds",
      "1",
    ];
    const flags = parseAnytimeFlags([
      ...args,
      "--set",
      "tune",
      "--count",
      "1",
      "--out",
      dir,
      "--resume",
    ]);
    const lines: string[] = [];
    const report = await runAnytime(flags, { log: (line) => lines.push(line) });
    expect(lines[0]).toMatch(/^0 puzzle runs to do/);
    expect(report.rows.map((r) => [r.method, r.successRate])).toEqual([
      ["default", 1],
      ["greedy", 0],
    ]);
    expect(await readRunRecords([runs])).toHaveLength(2);
    expect((await readFile(runs, "utf8")).endsWith("\n")).toBe(true);
  });

  it("refuses to add to an existing runs file without --resume", async () => {
    await writeFile(join(dir, "runs.jsonl"), "");
    const flags = parseAnytimeFlags([
      "--model",
      "synthetic:tiny",
      "--set",
      "tune",
      "--count",
      "1",
      "--out",
      dir,
    ]);
    await expect(runAnytime(flags, { log: () => {} })).rejects.toThrow(/--resume/);
  });
});

describe("summarizeRuns", () => {
  it("pairs each method with the reference on the same puzzle and seed", () => {
    const records = [
      ...["a", "b", "c", "d"].flatMap((p) =>
        [1, 2].map((s) => makeRecord("default", p, s, p !== "d")),
      ),
      ...["a", "b", "c", "d"].flatMap((p) =>
        [1, 2].map((s) => makeRecord("beam", p, s, p === "a" || p === "d")),
      ),
    ];
    const [reference, beam] = summarizeRuns(records, "default");
    expect(reference?.successRate).toBe(0.75);
    expect(reference?.comparison).toBeUndefined();
    expect(beam?.successRate).toBe(0.5);
    expect(beam?.comparison).toMatchObject({ pairs: 8, difference: -0.25, b: 2, c: 4 });
    expect(beam?.comparison?.p).toBeCloseTo(0.6875, 12);
    expect(beam?.perSeed).toEqual([
      { seed: 1, solved: 2, puzzles: 4 },
      { seed: 2, solved: 2, puzzles: 4 },
    ]);
  });
});
