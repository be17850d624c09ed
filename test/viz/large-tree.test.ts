import { renderHtml } from "@deliberate/viz";
import { sampleTree } from "@deliberate/viz/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, readRowTexts, type TestBrowser } from "./helpers/browser.js";

const NODES = 10_000;
const tree = sampleTree({ nodes: NODES, seed: 7 });
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await browser.openHtml(page, renderHtml(tree));
});

afterAll(async () => {
  await browser?.close();
});

/** The node shown last when everything is expanded: the last child of the last child, down. */
function findLastInOrder(): number {
  let id = 0;
  for (;;) {
    const children = tree.nodes.filter((node) => node.parent === id);
    if (children.length === 0) return id;
    id = (children.at(-1) as { id: number }).id;
  }
}

function countRowElements(): Promise<number> {
  return page.locator(".row").count();
}

describe("the viewer with a 10,000-node tree", () => {
  it("opens with the first levels and builds only the rows in view", async () => {
    expect(await page.textContent("#facts")).toContain(`nodes${NODES}`);
    expect(await countRowElements()).toBeLessThan(80);
  });

  it("expands everything and still builds only the rows in view", async () => {
    await page.click("#expand-all");
    expect(await page.textContent("#row-count")).toBe(`${NODES} of ${NODES} nodes shown`);
    expect(await countRowElements()).toBeLessThan(80);
  });

  it("scrolls to the last node", async () => {
    await page.locator("#rows").evaluate((rows) => {
      rows.scrollTop = rows.scrollHeight;
    });
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(resolve))");
    const texts = await readRowTexts(page);
    expect(texts.at(-1)).toBe(tree.nodes[findLastInOrder()]?.text);
    expect(await countRowElements()).toBeLessThan(80);
  });

  it("finds a deep node by text and reveals it", async () => {
    const target = tree.nodes[9_876];
    await page.fill("#search", `(step ${target?.id})`);
    await page.press("#search", "Enter");
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(target?.id));
    expect(await page.textContent("#details pre.thought")).toBe(target?.text);
  });

  it("draws all nodes in the diagram and pans to a deep node found by search", async () => {
    await page.click("#view-split");
    await page.waitForSelector("#diagram[data-painted=true]");
    expect(await page.getAttribute("#diagram", "data-nodes")).toBe(String(NODES));
    await page.fill("#search", "(step 9876)");
    await page.press("#search", "Enter");
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(resolve))");
    expect(await page.getAttribute("#diagram", "data-selected")).toBe("9876");
    expect(await page.getAttribute("#diagram", "data-matches")).toBe("1");
    const [x, y] = ((await page.getAttribute("#diagram", "data-selected-at")) ?? "")
      .split(",")
      .map(Number);
    const box = await page.locator("#diagram-canvas").boundingBox();
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(box?.width ?? 0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(y).toBeLessThanOrEqual(box?.height ?? 0);
    await page.click("#view-outline");
  });

  it("replays to any point and back", async () => {
    await page.click("#collapse-all");
    await page.locator("#timeline").fill("1");
    expect(await readRowTexts(page)).toEqual([tree.question]);
    await page.locator("#timeline").fill(String(Math.floor(tree.events.length / 2)));
    await page.click("#expand-all");
    const half = Number((await page.textContent("#row-count"))?.split(" ")[0]);
    expect(half).toBeGreaterThan(1_000);
    expect(half).toBeLessThan(NODES);
    await page.locator("#timeline").fill(String(tree.events.length));
    expect(await page.textContent("#row-count")).toBe(`${NODES} of ${NODES} nodes shown`);
  });
});
