import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { saveTree } from "@deliberate/core";
import { CHROMIUM_PATH, sampleTree } from "@deliberate/viz/testing";
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

  it("refuses an extension it writes no format for as a usage error, writing nothing", async () => {
    for (const name of ["tree.jpg", "tree"]) {
      const out = join(dir, name);
      const run = await runCli(["view", treeFile, "-o", out]);
      expect(run.code, name).toBe(2);
      expect(run.stderr.trim().split("\n"), name).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^error: Expected -o to end in \.html, \.svg, \.png, \.txt, \.mmd or \.dot .*got ".*"\..* --format text\|html\|mermaid\|dot\|svg\|png\.$/m,
      );
      expect(existsSync(out), name).toBe(false);
    }
    // Named outright, a format is written under any name.
    const forced = await runCli(["view", treeFile, "-o", join(dir, "tree.out"), "--format", "dot"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, "tree.out"), "utf8")).toMatch(/^digraph /);
  });

  it("writes an SVG picture with -o tree.svg: the question, the answer, no script", async () => {
    const out = join(dir, "tree.svg");
    const run = await runCli(["view", treeFile, "-o", out, "--layout", "icicle", "--width", "800"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`svg written to ${out}`);
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800"/);
    expect(svg).toContain("of the subtree");
    expect(svg).toContain("wipe &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("\u001b");
    const bad = await runCli(["view", treeFile, "-o", out, "--layout", "radial"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/radial/);
  });

  it.skipIf(!existsSync(CHROMIUM_PATH))(
    "draws a PNG with -o tree.png through Chromium",
    async () => {
      const out = join(dir, "tree.png");
      const run = await runCli(["view", treeFile, "-o", out]);
      expect(run.code, run.stderr).toBe(0);
      const png = readFileSync(out);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // Drawn at twice the SVG's 960 pixels.
      expect(png.readUInt32BE(16)).toBe(1920);
      // Past 8,000 pixels, at 1×: Chromium's screenshots have limits.
      const wide = await runCli(["view", treeFile, "-o", out, "--width", "9000"]);
      expect(wide.code, wide.stderr).toBe(0);
      expect(readFileSync(out).readUInt32BE(16)).toBe(9000);
    },
  );

  it("says how to get a picture when Chromium is missing, before reading the tree, writing nothing", async () => {
    const out = join(dir, "missing.png");
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = join(dir, "no-chromium-here");
    try {
      const run = await runCli(["view", join(dir, "no-tree.json"), "-o", out]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(
        /^error: Expected Chromium at .*no-chromium-here to draw ".*missing\.png", found none\. Install it .* set CHROMIUM_PATH .* -o .*missing\.svg\.$/m,
      );
      expect(existsSync(out)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it("compares two trees of one question on one page with -o compare.html", async () => {
    const other = join(dir, "greedy.json");
    await saveTree(other, { ...sampleTree({ nodes: 3, seed: 9 }), strategy: "greedy" });
    const out = join(dir, "compare.html");
    const run = await runCli(["view", other, treeFile, "-o", out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`comparison written to ${out}`);
    const page = readFileSync(out, "utf8");
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).toContain('<th scope="col">greedy · synthetic:tiny</th>');
    expect(page).not.toContain("<script");
  });

  it("refuses three trees, two without -o compare.html, and two different questions (exit 2)", async () => {
    const three = await runCli(["view", treeFile, treeFile, treeFile]);
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(
      /^error: Expected one tree\.json to view or two to compare side by side, got 3: .*Compare them two at a time\.$/m,
    );
    const noOutput = await runCli(["view", treeFile, treeFile]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toMatch(
      /^error: Expected -o compare\.html with two trees.*got no -o\.$/m,
    );
    const asSvg = await runCli(["view", treeFile, treeFile, "-o", join(dir, "two.svg")]);
    expect(asSvg.code).toBe(2);
    const different = join(dir, "different.json");
    await saveTree(different, { ...tree, question: "Use 1 2 4 7 to make 24" });
    const out = join(dir, "different.html");
    const run = await runCli(["view", treeFile, different, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^error: Expected two searches of the same question, got "Use 4 9 10 13.*" and "Use 1 2 4 7 to make 24"\. .*--different-questions\.$/m,
    );
    expect(existsSync(out)).toBe(false);
    const allowed = await runCli(["view", treeFile, different, "-o", out, "--different-questions"]);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("The second search asked: Use 1 2 4 7 to make 24");
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
