import type { SearchTree, TreeNode } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { escapeXml, renderTreeSvg, VizError } from "../src/index.js";
import { HOSTILE_TEXTS, sampleTree } from "../src/testing/index.js";

/** Names of every attribute in the markup: none may be an event handler or a link. */
function attributeNames(svg: string): string[] {
  return [...svg.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)="/g)].map((match) => match[1] as string);
}

function elementNames(svg: string): string[] {
  return [...svg.matchAll(/<([a-zA-Z][-a-zA-Z0-9:]*)/g)].map((match) => match[1] as string);
}

const SAFE_ELEMENTS = new Set([
  "svg",
  "title",
  "desc",
  "rect",
  "g",
  "text",
  "circle",
  "path",
  "line",
]);

/** A root with `width` children: one layer far too wide to draw node by node. */
function wideTree(width: number): SearchTree {
  const tree = sampleTree({ nodes: 2, seed: 1 });
  const root = tree.nodes[0] as TreeNode;
  const template = tree.nodes[1] as TreeNode;
  tree.nodes = [root];
  for (let id = 1; id <= width; id++)
    tree.nodes.push({
      ...template,
      id,
      parent: 0,
      depth: 1,
      text: `child ${id}`,
      score: (id % 97) / 97,
    });
  tree.bestPath = [0, 7];
  return tree;
}

describe("renderTreeSvg", () => {
  const tree = sampleTree({ nodes: 30, seed: 5 });
  const answer = tree.nodes[tree.bestPath?.at(-1) ?? 0]?.answer as string;
  const svg = renderTreeSvg(tree);

  it("writes one standalone SVG that names the question and the answer", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(answer).toBeTruthy();
    expect(svg).toContain(`Answer: ${escapeXml(answer)}`);
    expect(svg).toContain(escapeXml(tree.question));
  });

  it("uses only plain shapes and text: no script, foreignObject, style, link or handler", () => {
    expect(elementNames(svg).filter((name) => !SAFE_ELEMENTS.has(name))).toEqual([]);
    for (const name of attributeNames(svg)) {
      expect(name).not.toMatch(/^on|href|src|style/i);
    }
    expect(svg).not.toMatch(/url\(|javascript:|@import/i);
  });

  it("draws the best path in amber, and pruned nodes faded", () => {
    const bestLinks = svg.match(/stroke="#d97706" stroke-width="3"/g) ?? [];
    // The legend's sample line is drawn with the same stroke as each link of the path.
    expect(bestLinks.length).toBe((tree.bestPath?.length ?? 1) - 1 + 1);
    expect(tree.nodes.some((node) => node.status === "pruned")).toBe(true);
    expect(svg).toContain('opacity="0.35"');
  });

  it("escapes every hostile text, in labels, hover titles, the question and the answer", () => {
    const hostile = sampleTree({ nodes: 30, seed: 4, texts: HOSTILE_TEXTS });
    hostile.question = "</title><script>alert('question')</script>";
    for (const node of hostile.nodes.slice(1, 10)) {
      node.reason = "\"><script>alert('reason')</script>";
      node.answer = "<svg onload=alert('answer')>";
    }
    hostile.bestPath = [0, 1];
    const out = renderTreeSvg(hostile, { maxLabels: 100 });
    expect(elementNames(out).filter((name) => !SAFE_ELEMENTS.has(name))).toEqual([]);
    for (const name of attributeNames(out)) expect(name).not.toMatch(/^on|href|src/i);
    expect(out).toContain("&lt;/title&gt;&lt;script&gt;alert(&#39;question&#39;)&lt;/script&gt;");
    expect(out).toContain("&lt;svg onload=alert(&#39;answer&#39;)&gt;");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not appear
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });

  it("picks a tidy tree for a narrow tree and an icicle for a wide one, unless told", () => {
    expect(svg).toContain("<circle");
    expect(svg).toContain("size: tokens");
    const wide = renderTreeSvg(wideTree(200));
    expect(wide).not.toMatch(/<circle cx="(?!6" cy="-4")/); // only the legend's samples
    expect(wide).toContain("<rect x=");
    expect(wide).toContain("width: tokens (evaluated + generated) of the subtree");
    expect(renderTreeSvg(wideTree(200), { layout: "tree" })).toContain("<circle");
    expect(renderTreeSvg(tree, { layout: "icicle", weight: "time" })).toContain(
      "width: model time of the subtree",
    );
  });

  it("folds a layer wider than maxPerLayer into a +N node and says so", () => {
    const out = renderTreeSvg(wideTree(1000), { layout: "tree", maxPerLayer: 50 });
    // One hover title a drawn node, and the picture's own: the root, 49 children and one fold.
    expect((out.match(/<title/g) ?? []).length).toBe(1 + 51);
    expect(out).toContain("951 more nodes, folded");
    expect(out).toContain("+N: 951 nodes folded");
    // The best path survives the fold.
    expect(out).toContain("child 7");
  });

  it("stays bounded on a 10,000-node tree with a 200 kB thought: labels capped, layers folded", () => {
    const big = sampleTree({ nodes: 10_000, seed: 7 });
    (big.nodes[3] as { text: string }).text = "x".repeat(200_000);
    const started = performance.now();
    const out = renderTreeSvg(big, { maxLabels: 25 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(out.length).toBeLessThan(1_500_000);
    expect((out.match(/<text x=/g) ?? []).length).toBeLessThanOrEqual(25);
    expect(out).toMatch(/\+N: \d+ nodes folded/);
  });

  it("draws a 10,000-deep chain without overflowing the stack, 48 levels deep", () => {
    const chain = sampleTree({ nodes: 2, seed: 1 });
    const template = chain.nodes[1] as TreeNode;
    for (let id = 2; id < 10_000; id++)
      chain.nodes.push({ ...template, id, parent: id - 1, depth: id, text: `step ${id}` });
    const out = renderTreeSvg(chain, { layout: "icicle" });
    expect(out).toContain(`${10_000 - 49} more nodes, folded`);
  });

  it("refuses options it cannot honour with INVALID_OPTION", () => {
    const bad = [{ width: 10 }, { width: Number.NaN }, { maxPerLayer: 0 }, { layout: "radial" }];
    for (const options of bad) {
      expect(() => renderTreeSvg(tree, options as never)).toThrow(VizError);
      expect(() => renderTreeSvg(tree, options as never)).toThrow(/^Expected /);
    }
  });
});

describe("escapeXml", () => {
  it("escapes markup and replaces what XML cannot hold", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    expect(escapeXml("a\u0001b\uD800c\uFFFEd😀")).toBe("a\uFFFDb\uFFFDc\uFFFDd😀");
  });
});
