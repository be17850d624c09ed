import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkWellFormedXml } from "../../../packages/eval/test/support/check-xml.js";
import { parseAnytimeFlags } from "../src/anytime/anytime-flags.js";
import { renderAnytimeChart } from "../src/anytime/render-anytime-chart.js";
import { runAnytime } from "../src/anytime/run-anytime.js";
import { readRunRecords } from "../src/anytime/run-record.js";
import { summarizeRuns } from "../src/anytime/summarize-runs.js";
import { run } from "../src/commands/anytime.js";

describe("npm run bench -- anytime on synthetic:tiny", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "anytime-run-"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    await run([
      ...["--model", "synthetic:tiny", "--methods", "default,greedy", "--budgets", "300ms"],
      ...["--seeds", "1", "--set", "tune", "--count", "2", "--out", dir],
    ]);
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes one checked row per method and puzzle", async () => {
    const records = await readRunRecords([join(dir, "runs.jsonl")]);
    expect(records.map((r) => `${r.method} ${r.puzzleIndex}`)).toEqual([
      "default 0",
      "greedy 0",
      "default 1",
      "greedy 1",
    ]);
    for (const r of records) {
      expect(r).toMatchObject({ model: "synthetic:tiny", set: "tune", budgetMs: 300, seed: 1 });
      expect(r.workTokens).toBe(r.evaluatedPromptTokens + r.generatedTokens);
      expect(r.totalTokens).toBe(r.promptTokens + r.generatedTokens);
      expect(r.stopReason).not.toBe("failed");
      expect(typeof r.solved).toBe("boolean");
      expect(r.commit).not.toBe("");
    }
  });

  it("writes the summary with greedy compared to default", async () => {
    const summary = JSON.parse(await readFile(join(dir, "summary.json"), "utf8"));
    expect(summary.rows.map((r: { method: string }) => r.method)).toEqual(["default", "greedy"]);
    expect(summary.rows[1].comparison).toMatchObject({ reference: "default", pairs: 2 });
    const markdown = await readFile(join(dir, "summary.md"), "utf8");
    expect(markdown).toMatch(/\| greedy \| 300ms \| 1 \| 2 \|/);
  });

  it("draws an SVG that parses, with a line per method and no script", async () => {
    const svg = await readFile(join(dir, "accuracy.svg"), "utf8");
    const elements = checkWellFormedXml(svg);
    expect(elements[0]?.name).toBe("svg");
    expect(
      elements.filter((e) => e.name === "polyline").map((e) => e.attributes["data-method"]),
    ).toEqual(["default", "greedy"]);
    expect(svg.toLowerCase()).not.toContain("<script");
  });
});

describe("runAnytime on synthetic:tiny", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "anytime-run-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const flagsFor = (...more: string[]) =>
    parseAnytimeFlags([
      ...[
        "--model",
        "synthetic:tiny",
        "--methods",
        "default",
        "--budgets",
        "300ms",
        "--seeds",
        "1",
      ],
      ...["--set", "tune", "--count", "2", "--out", dir, ...more],
    ]);

  it("shares one budget over the set through thinkMany with --shared", async () => {
    const report = await runAnytime(flagsFor("--shared"), { log: () => {} });
    const records = await readRunRecords([join(dir, "runs.jsonl")]);
    expect(records.map((r) => [r.method, r.shared, r.puzzleIndex])).toEqual([
      ["default/shared", true, 0],
      ["default/shared", true, 1],
    ]);
    expect(report.rows.map((r) => r.method)).toEqual(["default/shared"]);
  }, 60_000);

  it("stops at the signal, keeping the rows written and summarizing them", async () => {
    const stop = new AbortController();
    const log = (line: string) => {
      if (line.startsWith("[1/")) stop.abort();
    };
    const report = await runAnytime(flagsFor(), { signal: stop.signal, log });
    const records = await readRunRecords([join(dir, "runs.jsonl")]);
    expect(records).toHaveLength(1);
    expect(report.rows[0]?.runs).toBe(1);
  }, 60_000);
});

describe("renderAnytimeChart", () => {
  it("escapes every text it writes", () => {
    const hostile = `<script>alert("x")</script> & 'co'`;
    const rows = summarizeRuns(
      [
        {
          method: hostile,
          budgetMs: 1000,
          seed: 1,
          set: "tune",
          puzzle: "p",
          solved: true,
          seconds: 0.5,
          workTokens: 1,
          totalTokens: 1,
          stopReason: "solved",
        } as never,
      ],
      "default",
    );
    const svg = renderAnytimeChart(rows, hostile);
    expect(() => checkWellFormedXml(svg)).not.toThrow();
    expect(svg).not.toContain("<script");
  });
});
