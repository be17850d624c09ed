import { writeFile } from "node:fs/promises";
import { renderComparisonHtml, renderTreeSvg } from "@deliberate/viz";
import { HOSTILE_TEXTS, sampleTree } from "@deliberate/viz/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "./helpers/browser.js";
import { buildDemoTree } from "./helpers/demo-tree.js";

/** A tree whose every text a model, a tool or a user could write tries to run script. */
function buildHostileTree() {
  const tree = sampleTree({ nodes: 40, seed: 11, texts: HOSTILE_TEXTS });
  tree.question =
    "</title><script>window.__pwned = 'question'</script><img src=x onerror=alert(1)>";
  tree.strategy = "<svg onload=\"window.__pwned = 'strategy'\">";
  tree.model = "</text><script>window.__pwned = 'model'</script>";
  tree.stopReason = "<a href=\"javascript:window.__pwned = 'stop'\">stop</a>";
  for (const node of tree.nodes.slice(1, 8)) {
    node.status = "pruned";
    node.reason = "\"><script>window.__pwned = 'reason'</script>";
    node.answer = "<svg onload=\"window.__pwned = 'answer'\">";
  }
  tree.bestPath = [0, 1, 5];
  (tree.nodes[5] as { answer?: string }).answer = "]]><script>window.__pwned = 'cdata'</script>";
  return tree;
}

let browser: TestBrowser;
let page: Page;
const dialogs: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => problems.push(message.text()));
  await page.goto("about:blank");
});

afterAll(async () => {
  await browser?.close();
});

/** The few DOM types the page-side functions use, as the test's TypeScript has no DOM library. */
interface XmlElement {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly textContent: string | null;
  readonly attributes: ArrayLike<{ readonly name: string }> & Iterable<{ readonly name: string }>;
}
interface XmlDocument {
  readonly documentElement: XmlElement;
  getElementsByTagName(name: string): ArrayLike<XmlElement> & Iterable<XmlElement>;
}
interface XmlParser {
  parseFromString(text: string, type: string): XmlDocument;
}
interface XmlWindow {
  readonly document: XmlDocument;
}

/** Parses markup with Chromium's own XML parser; returns what a strict SVG reader sees. */
function parseSvg(svg: string) {
  return page.evaluate((text) => {
    // The page's own DOMParser: the test's TypeScript has no DOM library.
    const Parser = (globalThis as unknown as { DOMParser: new () => XmlParser }).DOMParser;
    const doc = new Parser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    const all = [...doc.getElementsByTagName("*")];
    return {
      error: doc.getElementsByTagName("parsererror")[0]?.textContent ?? null,
      root: `${root.namespaceURI} ${root.localName}`,
      text: root.textContent ?? "",
      titles: [...doc.getElementsByTagName("title")].map((t) => t.textContent ?? ""),
      elements: [...new Set(all.map((e) => e.localName))].sort(),
      attributes: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
    };
  }, svg);
}

async function readPwned(): Promise<unknown> {
  return page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
}

describe("the SVG picture in Chromium", () => {
  it("parses as SVG, names the question and the answer, holds no script or reference", async () => {
    const parsed = await parseSvg(renderTreeSvg(buildDemoTree()));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("http://www.w3.org/2000/svg svg");
    expect(parsed.text).toContain("Use 4 9 10 13 and + - * / to make 24");
    expect(parsed.text).toContain("Answer: (13 - 9) * (10 - 4) = 24 ✓ verified");
    expect(parsed.elements).toEqual([
      "circle",
      "desc",
      "g",
      "line",
      "path",
      "rect",
      "svg",
      "text",
      "title",
    ]);
    for (const name of parsed.attributes) expect(name).not.toMatch(/^on|href|src|style/i);
  });

  it("shows the hostile-text corpus as text in labels and hover titles, in both layouts", async () => {
    const tree = buildHostileTree();
    for (const layout of ["tree", "icicle"] as const) {
      const svg = renderTreeSvg(tree, { layout, maxLabels: 100 });
      const parsed = await parseSvg(svg);
      expect(parsed.error, layout).toBeNull();
      expect(
        parsed.elements.filter(
          (e) =>
            !["circle", "desc", "g", "line", "path", "rect", "svg", "text", "title"].includes(e),
        ),
      ).toEqual([]);
      expect(parsed.titles[0]).toBe(`deliberate · ${tree.question}`);
      expect(parsed.text).toContain("Answer: ]]><script>window.__pwned = 'cdata'</script>");
      // Each hostile thought is a node's hover title, literally (one line, as flattenText makes it).
      for (const text of HOSTILE_TEXTS.slice(0, 7))
        expect(
          parsed.titles.some((title) => title.startsWith(text)),
          text,
        ).toBe(true);
      expect(
        parsed.titles.some((title) =>
          title.includes("pruned: \"><script>window.__pwned = 'reason'</script>"),
        ),
      ).toBe(true);
    }
  });

  it("runs nothing when opened as a file, as a README reader's browser would", async () => {
    const file = `${browser.dir}/hostile.svg`;
    await writeFile(file, renderTreeSvg(buildHostileTree()));
    await page.goto(`file://${file}`);
    expect(
      await page.evaluate(
        () => (globalThis as unknown as XmlWindow).document.documentElement.localName,
      ),
    ).toBe("svg");
    expect(await page.locator("title").first().textContent()).toContain("</title><script>");
    expect(await readPwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});

describe("the side-by-side page in Chromium", () => {
  it("shows both trees at one scale with their answers and costs", async () => {
    const greedy = { ...sampleTree({ nodes: 4, seed: 2 }), strategy: "greedy" };
    const html = renderComparisonHtml([greedy, buildDemoTree()]);
    await writeFile(`${browser.dir}/compare.html`, html);
    await page.goto(`file://${browser.dir}/compare.html`);
    const panes = await page.$$eval(".pane", (elements) =>
      elements.map((pane) => {
        const svg = pane.querySelector("svg");
        const box = svg?.getBoundingClientRect();
        return {
          heading: pane.querySelector("h2")?.textContent,
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          nodes: svg?.querySelectorAll("circle[cx]:not([cx='6'])").length ?? 0,
          columns: [
            ...new Set(
              [...(svg?.querySelectorAll("circle[cx]:not([cx='6'])") ?? [])].map((c) =>
                c.getAttribute("cx"),
              ),
            ),
          ],
        };
      }),
    );
    expect(panes.map((pane) => pane.heading)).toEqual([
      "greedy · synthetic:tiny",
      "beam · qwen2.5-1.5b-instruct-q4_k_m.gguf",
    ]);
    for (const pane of panes) expect(pane.width * pane.height).toBeGreaterThan(10_000);
    expect(panes.map((pane) => pane.nodes)).toEqual([4, 16]);
    // One scale: each level of the smaller tree sits where the same level of the larger one does.
    const [small, large] = panes as [(typeof panes)[0], (typeof panes)[0]];
    for (const x of small.columns) expect(large.columns).toContain(x);
    const answers = await page.$$eval(".facts tbody tr:first-child td", (cells) =>
      cells.map((c) => c.textContent),
    );
    expect(answers).toEqual(["no answer", "(13 - 9) * (10 - 4) = 24 ✓"]);
    expect(await page.textContent(".facts")).toContain("stopped");
  });

  it("shows hostile questions, labels, answers and reasons as text, runs nothing, breaks no policy", async () => {
    const tree = buildHostileTree();
    const other = { ...tree, question: "<img src=x onerror=\"window.__pwned = 'second'\">" };
    const html = renderComparisonHtml([tree, other], {
      labels: ["<script>window.__pwned = 'label'</script>", "ok"],
      allowDifferentQuestions: true,
    });
    await writeFile(`${browser.dir}/hostile-compare.html`, html);
    await page.goto(`file://${browser.dir}/hostile-compare.html`);
    expect(await page.textContent("h1")).toBe(tree.question);
    expect(await page.textContent(".warning")).toContain(other.question);
    expect(await page.textContent(".pane h2")).toBe("<script>window.__pwned = 'label'</script>");
    expect(await page.textContent(".facts")).toContain(
      "]]><script>window.__pwned = 'cdata'</script>",
    );
    expect(await page.$$eval("script, img, iframe, object, embed, a", (e) => e.length)).toBe(0);
    // Each hostile thought is a node's hover title in both pictures, as text.
    const titles = await page.$$eval(".pane svg g > title", (list) =>
      list.map((t) => t.textContent),
    );
    for (const text of HOSTILE_TEXTS.slice(0, 7))
      expect(
        titles.filter((title) => title?.startsWith(text)),
        text,
      ).toHaveLength(2);
    await page.hover(".pane svg g title >> xpath=..");
    expect(await readPwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
