import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "./helpers/run-cli.js";

describe("deliberate bench", () => {
  it("runs the harness, prints the report as JSON and writes it with the SVG chart", async () => {
    const out = makeTempDir();
    const run = await runCli([
      "bench",
      "game24",
      "--model",
      "synthetic:tiny",
      "--cases",
      "2",
      "--methods",
      "io,tot-b1",
      "--budgets",
      "1s",
      "--json",
      "--out",
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      task: "game24",
      model: { source: "synthetic:tiny", randomWeights: true },
      settings: { methods: ["io", "tot-b1"], budgetsMs: [1000], profile: "compact" },
    });
    expect(report.cases).toHaveLength(2);
    expect(report.table.map((row: { method: string }) => row.method)).toEqual(["io", "tot-b1"]);
    for (const row of report.table) expect(row.cases).toBe(2);
    expect(report.notes.join(" ")).toContain("random weights");
    expect(JSON.parse(readFileSync(join(out, "evaluation.json"), "utf8"))).toEqual(report);
    const svg = readFileSync(join(out, "accuracy-vs-think-time.svg"), "utf8");
    expect(svg).toMatch(/^<\?xml[^>]*\?>\s*<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trim()).toMatch(/<\/svg>$/);
    expect(run.stderr).toContain("4/4 100%");
  });

  it("refuses a bad think time before loading the model, with exit code 2", async () => {
    const run = await runCli(["bench", "--model", "/nowhere.gguf", "--budgets", "1s,soon"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Expected `budgets\.1` .* got "soon"/);
  });
});

describe("builtin: models", () => {
  it("solves game24 on builtin:tiny-reasoner with compact prompts and no download", async () => {
    const tree = join(makeTempDir(), "tree.json");
    // Seed 0 (the default): the trained model solves 1 1 4 6 in three steps, in well under 5 s.
    const run = await runCli([
      "solve",
      "game24",
      "1 1 4 6",
      "--model",
      "builtin:tiny-reasoner",
      "--think",
      "5s",
      "--json",
      "--save",
      tree,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      task: "game24",
      model: "builtin:tiny-reasoner",
      error: null,
      stopReason: "solved",
      verified: true,
    });
    expect(json.answer).toMatch(/ = 24$/);
    expect(json.best.path).toHaveLength(3);
    expect(run.stderr).not.toContain("random weights");
    // The saved tree, and so the viewer's summary, names the model as the command line did.
    expect(JSON.parse(readFileSync(tree, "utf8")).model).toBe("builtin:tiny-reasoner");
  });
});
