import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadTree } from "@deliberate/core";
import { game24Check } from "@deliberate/tools";
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "./helpers/run-cli.js";

describe("deliberate ask", () => {
  it("prints one JSON object with the result, stops at the --think budget and saves the tree", async () => {
    const dir = makeTempDir();
    const tree = join(dir, "tree.json");
    const run = await runCli([
      "ask",
      "What is 2 + 2?",
      "--model",
      "synthetic:tiny",
      "--think",
      "1500ms",
      "--json",
      "--save",
      tree,
    ]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      question: "What is 2 + 2?",
      task: "question",
      model: "synthetic:tiny",
      strategy: "anytime",
      answer: null,
      verified: null,
      stopReason: "budget",
      limit: "time",
      error: null,
      signal: null,
      files: { tree, html: null },
    });
    // Thoughts only: the question is not a step of the path.
    expect(json.best.path.some((step: { id: number }) => step.id === 0)).toBe(false);
    expect(typeof json.best.score).toBe("number");
    for (const key of ["promptTokens", "generatedTokens", "calls", "nodes", "elapsedMs"]) {
      expect(typeof json.usage[key], key).toBe("number");
    }
    expect(json.elapsedMs).toBeGreaterThan(0);
    expect(run.stderr).toContain("synthetic:tiny has random weights");
    const saved = await loadTree(tree);
    expect(saved.question).toBe("What is 2 + 2?");
    expect(saved.stopReason).toBe("budget");
  });
});

describe("deliberate solve", () => {
  it("answers game24 with a verified expression, the best path and an HTML viewer", async () => {
    const dir = makeTempDir();
    const html = join(dir, "tree.html");
    const run = await runCli([
      "solve",
      "game24",
      "1 1 4 6",
      "--model",
      "synthetic:tiny",
      "--profile",
      "compact",
      "--evaluator",
      "verifier",
      "--prune-dead-ends",
      "--strategy",
      "beam",
      "--width",
      "5",
      "--branching",
      "8",
      "--temperature",
      "1",
      "--seed",
      "1",
      "--html",
      html,
      "--verbose",
    ]);
    expect(run.code, run.stderr).toBe(0);
    const answer = /^answer: (.+?) {2}✓ verified$/m.exec(run.stdout)?.[1];
    expect(answer, run.stdout).toBeDefined();
    expect(game24Check(answer ?? "", [1, 1, 4, 6]).ok).toBe(true);
    expect(run.stdout).toMatch(/best path \(score [\d.]+\):\n {2}1\. /);
    expect(run.stdout).toContain("stopped: solved");
    expect(run.stdout).toContain("★");
    expect(readFileSync(html, "utf8")).toMatch(/^<!doctype html>/i);
  });
});

describe("deliberate demo", () => {
  it("shows the trained model failing in one pass, then the search finding a verified answer, offline", async () => {
    const dir = makeTempDir();
    const run = await runCli(["demo"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const [single, search] = run.stdout.split("System 2");
    expect(single).toMatch(/^answer: .+ ✗ rejected by the task's verifier$/m);
    expect(search).toMatch(/^answer: .+ ✓ verified$/m);
    expect(run.stderr).toContain("builtin:tiny-reasoner");
    expect(existsSync(join(dir, "demo-tree.html"))).toBe(true);
    // Both runs side by side: System 1's wrong answer and System 2's verified one, on one page.
    const compare = readFileSync(join(dir, "demo-compare.html"), "utf8");
    expect(run.stderr).toContain("System 1 and System 2 side by side: ");
    expect(compare.match(/<svg /g)).toHaveLength(2);
    expect(compare).toContain('<th scope="col">System 1 · one greedy pass</th>');
    expect(compare).toMatch(/<td class="bad">[^<]+ ✗<\/td><td class="good">[^<]+ ✓<\/td>/);
  });
});
