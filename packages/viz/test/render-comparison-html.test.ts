import { describe, expect, it } from "vitest";
import { renderComparisonHtml, VizError } from "../src/index.js";
import { sampleTree } from "../src/testing/index.js";

const small = sampleTree({ nodes: 4, seed: 2 });
small.strategy = "greedy";
const large = sampleTree({ nodes: 30, seed: 5 });

/** The x of every column of circles a picture draws: equal spacing means one scale. */
function columns(svg: string): number[] {
  const xs = [...svg.matchAll(/<circle cx="([\d.]+)" cy="(?!-4")/g)].map((m) => Number(m[1]));
  return [...new Set(xs)].sort((a, b) => a - b);
}

describe("renderComparisonHtml", () => {
  const html = renderComparisonHtml([small, large]);
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

  it("writes one page with both trees, their answers, costs and stop reasons, and no script", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(svgs).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|<iframe|\son\w+=|javascript:/i);
    expect(html).toMatch(
      /Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'/,
    );
    for (const row of ["answer", "stopped", "nodes", "tokens", "calls", "time"])
      expect(html).toContain(`<th scope="row">${row}</th>`);
    expect(html).toContain('<th scope="col">greedy · synthetic:tiny</th>');
    expect(html).toContain("stopped: budget");
    // The two pictures keep their ids apart.
    expect(html).toContain('id="tree-1-title"');
    expect(html).toContain('id="tree-2-title"');
  });

  it("draws both trees at one scale: the same column spacing, whatever their size", () => {
    const [a, b] = [columns(svgs[0] as string), columns(svgs[1] as string)];
    expect(a.length).toBeLessThan(b.length);
    // Every column of the smaller tree is a column of the larger one.
    for (const x of a) expect(b).toContain(x);
  });

  it("draws both as icicles when one is too wide for a tidy tree", () => {
    const wide = sampleTree({ nodes: 400, seed: 3, branching: 12 });
    const page = renderComparisonHtml([small, wide]);
    expect(page.match(/of the subtree/g)).toHaveLength(2);
  });

  it("refuses two different questions with QUESTIONS_DIFFER, unless allowed", () => {
    const other = { ...small, question: "Use 1 2 4 7 to make 24" };
    expect(() => renderComparisonHtml([small, other])).toThrow(
      expect.objectContaining({
        code: "QUESTIONS_DIFFER",
        message: expect.stringMatching(
          /^Expected two searches of the same question, got "Use 4 9 10 13.*" and "Use 1 2 4 7 to make 24"/,
        ),
      }),
    );
    const page = renderComparisonHtml([small, other], { allowDifferentQuestions: true });
    expect(page).toContain("The second search asked: Use 1 2 4 7 to make 24");
    // Whitespace alone is not a different question.
    expect(() =>
      renderComparisonHtml([small, { ...large, question: ` ${large.question}\n` }]),
    ).not.toThrow();
  });

  it("takes exactly two trees", () => {
    for (const trees of [[small], [small, large, large]]) {
      expect(() => renderComparisonHtml(trees)).toThrow(VizError);
      expect(() => renderComparisonHtml(trees)).toThrow(/^Expected two trees to compare, got \d/);
    }
  });
});
