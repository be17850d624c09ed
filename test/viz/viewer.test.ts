import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderHtml } from "@deliberate/viz";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, readRowTexts, type TestBrowser } from "./helpers/browser.js";
import { buildDemoTree } from "./helpers/demo-tree.js";

const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), "../../docs/images/viewer.png");
const tree = buildDemoTree();
let browser: TestBrowser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await browser.openHtml(page, renderHtml(tree, { expandDepth: 3 }));
});

afterAll(async () => {
  await browser?.close();
});

describe("the HTML viewer", () => {
  it("renders the question, the answer and every open row", async () => {
    expect(await page.textContent("#question")).toBe(tree.question);
    expect(await page.textContent("#answer")).toBe("Answer: (13 - 9) * (10 - 4) = 24");
    const texts = await readRowTexts(page);
    expect(texts).toHaveLength(tree.nodes.length);
    expect(texts[0]).toBe(tree.question);
    expect(texts).toContain("(empty)");
    expect(errors).toEqual([]);
  });

  it("shows statuses, reasons, raw text and marks the best path", async () => {
    expect(await page.locator(".row.best").count()).toBe(4);
    expect(await page.locator(".row.status-pruned").count()).toBe(7);
    expect(await page.textContent(".row.status-invalid .raw")).toContain(
      "raw: Let me think about 13",
    );
    expect(await page.textContent(".row[data-id='3'] .reason")).toBe(
      "pruned: value 0.31 is outside the beam (width 2)",
    );
  });

  it("shows a node's scores with their provenance, usage and path when selected", async () => {
    await page.click(".row[data-id='12'] .text");
    const details = page.locator("#details");
    expect(await details.locator(".badge").first().textContent()).toBe("terminal");
    const sources = await details.locator(".score-source").allTextContents();
    expect(sources).toEqual(["ranked by", "value", "verifier"]);
    expect(await details.textContent()).toContain("(13 - 9) * (10 - 4) = 24 ✓");
    expect(await details.locator(".path-link").allTextContents()).toHaveLength(4);
    expect(JSON.parse((await details.locator("pre.state-text").textContent()) ?? "")).toEqual({
      left: [24],
    });
  });

  it("collapses and expands a subtree", async () => {
    await page.click(".row[data-id='1'] .toggle");
    expect(await readRowTexts(page)).not.toContain("10 - 4 = 6 (left: 4 6)");
    expect(await page.textContent(".row[data-id='1'] .count")).toBe("+3");
    await page.click(".row[data-id='1'] .toggle");
    expect(await readRowTexts(page)).toContain("10 - 4 = 6 (left: 4 6)");
  });

  it("replays the search with the timeline", async () => {
    const slider = page.locator("#timeline");
    await slider.fill("0");
    expect(await readRowTexts(page)).toEqual([tree.question]);
    expect(await page.textContent("#timeline-label")).toContain("before the search");
    const firstLayerDone = tree.events.findIndex((event) => event.type === "budget") + 1;
    await slider.fill(String(firstLayerDone));
    expect(await readRowTexts(page)).toHaveLength(6);
    expect(await page.locator(".row.status-pruned").count()).toBe(2);
    const secondLayer = tree.events.findIndex(
      (event) => event.type === "selected" && event.ids[0] === 1,
    );
    await slider.fill(String(secondLayer + 1));
    expect(
      await page
        .locator(".row.frontier")
        .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id"))),
    ).toEqual(["1"]);
    expect(await page.textContent("#timeline-label")).toContain("selected 1 node");
    await slider.fill(String(tree.events.length));
    expect(await readRowTexts(page)).toHaveLength(tree.nodes.length);
    expect(await page.locator(".row.frontier").count()).toBe(0);
  });

  it("adds each scored event's scores during replay, as the engine does", async () => {
    const verdict = tree.events.findIndex(
      (event) =>
        event.type === "scored" && event.id === 12 && event.scores[0]?.source === "verifier",
    );
    await page.locator("#timeline").fill(String(verdict));
    await page.click(".row[data-id='12'] .text");
    const sources = () => page.locator("#details .score-source").allTextContents();
    expect(await sources()).toEqual(["ranked by", "value"]);
    await page.locator("#timeline").fill(String(tree.events.length));
    expect(await sources()).toEqual(["ranked by", "value", "verifier"]);
  });

  it("finds nodes by text and jumps to them", async () => {
    await page.fill("#search", "verifier rejects");
    await page.press("#search", "Enter");
    expect(await page.textContent("#search-count")).toBe("1 of 2");
    expect(await page.locator(".row.match").count()).toBe(2);
    expect(await page.getAttribute(".row.selected", "data-id")).toBe("13");
    await page.fill("#search", "");
    await page.press("#search", "Escape");
  });

  it("moves through rows with the keyboard", async () => {
    await page.click(".row[data-id='0'] .text");
    await page.keyboard.press("ArrowDown");
    expect(await page.getAttribute(".row.selected", "data-id")).toBe("1");
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute(".row[data-id='1']", "aria-expanded")).toBe("false");
    await page.keyboard.press("ArrowRight");
    expect(await page.getAttribute(".row[data-id='1']", "aria-expanded")).toBe("true");
  });

  it("looks the part (screenshot for the docs)", async () => {
    await page.click(".row[data-id='12'] .text");
    await page.locator("#rows").blur();
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
  });
});
