import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { saveTree } from "@deliberate/core";
import { sampleTree } from "@deliberate/viz/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "./helpers/run-cli.js";

const dir = makeTempDir();
const treeFile = join(dir, "tree.json");
const tree = sampleTree({ nodes: 20, seed: 3, texts: ["\u001b[2Jwipe <script>alert(1)</script>"] });

beforeAll(async () => {
  await saveTree(treeFile, tree);
});

describe("deliberate view", () => {
  it("prints a saved tree as text, with model text stripped of escape sequences", async () => {
    const run = await runCli(["view", treeFile]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(tree.question);
    expect(run.stdout).toContain("wipe <script>");
    expect(run.stdout).not.toContain("\u001b");
  });

  it("writes a self-contained HTML viewer with -o", async () => {
    const html = join(dir, "tree.html");
    const run = await runCli(["view", treeFile, "-o", html]);
    expect(run.code, run.stderr).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(run.stderr).toContain(`html written to ${html}`);
  });

  it.each([
    ["tree.txt", (text: string) => expect(text).toContain(tree.question)],
    ["tree.mmd", (text: string) => expect(text).toMatch(/^(flowchart|graph) /)],
    ["tree.dot", (text: string) => expect(text).toMatch(/^digraph /)],
    ["tree.htm", (text: string) => expect(text).toMatch(/^<!doctype html>/i)],
  ])("writes the format the extension of -o %s names", async (name, check) => {
    const out = join(dir, name);
    const run = await runCli(["view", treeFile, "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    check(readFileSync(out, "utf8"));
  });

  it("refuses -o tree.svg (and any extension it writes no format for) as a usage error, writing nothing", async () => {
    for (const name of ["tree.svg", "tree.png", "tree"]) {
      const out = join(dir, name);
      const run = await runCli(["view", treeFile, "-o", out]);
      expect(run.code, name).toBe(2);
      expect(run.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^error: Expected -o to end in \.html, \.txt, \.mmd or \.dot .*got ".*"\..* --format text\|html\|mermaid\|dot\.$/m,
      );
      expect(existsSync(out), name).toBe(false);
    }
    const svg = await runCli(["view", treeFile, "-o", join(dir, "tree.svg")]);
    expect(svg.stderr).toContain("dot -Tsvg tree.dot -o tree.svg");
    // Named outright, a format is written under any name.
    const forced = await runCli(["view", treeFile, "-o", join(dir, "tree.out"), "--format", "dot"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, "tree.out"), "utf8")).toMatch(/^digraph /);
  });

  it("rejects a malformed tree.json with one line naming the file, exit 1", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ format: "deliberate.tree", version: 1, nodes: [] }));
    const run = await runCli(["view", bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^error: .*bad\.json.*Not a deliberate tree/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
