import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderHtml } from "@deliberate/viz";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "./helpers/browser.js";
import { buildDemoTree } from "./helpers/demo-tree.js";

const SCREENSHOT = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../docs/images/viewer-diagram.png",
);
const tree = buildDemoTree();
const BEST = tree.bestPath ?? [];
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
  await page.click("#view-diagram");
  await page.waitForSelector("#diagram[data-painted=true]");
});

afterAll(async () => {
  await browser?.close();
});

/** Reads a data attribute of the diagram (its test hooks: what it laid out and where). */
async function readHook(name: string): Promise<string> {
  return (await page.getAttribute("#diagram", `data-${name}`)) ?? "";
}

/** Where each best-path node is drawn, in canvas pixels. */
async function readBestSpots(): Promise<Map<number, [number, number]>> {
  const spots = new Map<number, [number, number]>();
  for (const entry of (await readHook("best-at")).split(" ").filter(Boolean)) {
    const [id, at] = entry.split(":");
    const [x, y] = (at ?? "").split(",").map(Number);
    spots.set(Number(id), [x as number, y as number]);
  }
  return spots;
}

async function readCanvasSize(): Promise<{ width: number; height: number }> {
  const box = await page.locator("#diagram-canvas").boundingBox();
  return { width: box?.width ?? 0, height: box?.height ?? 0 };
}

/** After the frame the diagram schedules has run. */
async function nextFrame(): Promise<void> {
  await page.evaluate(
    "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))",
  );
}

describe("the diagram view", () => {
  it("draws every node of the demo tree with the best path framed on open", async () => {
    expect(await readHook("nodes")).toBe(String(tree.nodes.length));
    expect(await readHook("layout")).toBe("tree");
    const spots = await readBestSpots();
    expect([...spots.keys()]).toEqual(BEST);
    const { width, height } = await readCanvasSize();
    for (const [x, y] of spots.values()) {
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(height);
    }
    expect(await page.getAttribute("#view-diagram", "aria-pressed")).toBe("true");
    expect(await page.isVisible("#rows")).toBe(false);
    expect(errors).toEqual([]);
  });

  it("draws the best path bold in the theme's amber", async () => {
    const [[rootX, rootY] = [0, 0], [childX, childY] = [0, 0]] = [
      ...(await readBestSpots()).values(),
    ];
    // The midpoint of the first best link's curve lies on it: it must be amber, not grey.
    const pixel = (await page.evaluate(
      `Array.from(document.getElementById("diagram-canvas").getContext("2d").getImageData(${Math.round((rootX + childX) / 2)}, ${Math.round((rootY + childY) / 2)}, 1, 1).data)`,
    )) as number[];
    // --best is #d97706; antialiasing may move a channel by a step or two.
    const amber = [0xd9, 0x77, 0x06];
    pixel.slice(0, 3).forEach((channel, index) => {
      expect(Math.abs(channel - (amber[index] as number))).toBeLessThanOrEqual(4);
    });
  });

  it("colours nodes by status, or by score", async () => {
    // Node 1 is expanded (blue in the legend) with a value of 0.82 (a high score: green).
    const [x, y] = (await readBestSpots()).get(1) ?? [0, 0];
    const readCentre = async () =>
      (
        (await page.evaluate(
          `Array.from(document.getElementById("diagram-canvas").getContext("2d").getImageData(${x}, ${y}, 1, 1).data)`,
        )) as number[]
      ).slice(0, 3);
    expect(await readCentre()).toEqual([0x25, 0x63, 0xeb]);
    await page.selectOption("#diagram-color", "score");
    await nextFrame();
    expect(await readCentre()).toEqual([0x15, 0x80, 0x3d]);
    await page.selectOption("#diagram-color", "status");
    await nextFrame();
  });

  it("selects a clicked node in the outline and the details pane", async () => {
    await page.click("#view-split");
    await nextFrame();
    const [x, y] = (await readBestSpots()).get(BEST[1] as number) ?? [0, 0];
    await page.locator("#diagram-canvas").click({ position: { x, y } });
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(BEST[1]));
    expect(await page.textContent("#details .details-id")).toContain(`node ${BEST[1]} `);
    expect(await readHook("selected")).toBe(String(BEST[1]));
    expect(await page.textContent("#diagram-caption")).toContain(`node ${BEST[1]} · expanded`);
  });

  it("rings a node selected in the outline, in view", async () => {
    await page.click(".row[data-id='9'] .text");
    await nextFrame();
    expect(await readHook("selected")).toBe("9");
    const [x, y] = (await readHook("selected-at")).split(",").map(Number);
    const { width, height } = await readCanvasSize();
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(width);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(height);
    expect(await page.textContent("#diagram-caption")).toContain("node 9 ·");
  });

  it("moves through the tree with the keyboard", async () => {
    const leaf = BEST.at(-1) as number;
    await page.click(`.row[data-id='${leaf}'] .text`);
    await page.focus("#diagram");
    await page.keyboard.press("ArrowLeft");
    expect(await readHook("selected")).toBe(String(BEST.at(-2)));
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(BEST.at(-2)));
    await page.keyboard.press("ArrowRight");
    expect(await readHook("selected")).toBe(String(leaf));
    await page.keyboard.press("ArrowDown");
    expect(await readHook("selected")).not.toBe(String(leaf));
    await page.keyboard.press("Home");
    expect(await readHook("selected")).toBe("0");
  });

  it("shows a node's reason on hover, and its pruned ancestor's for nodes under it", async () => {
    await page.click(".row[data-id='3'] .text");
    await nextFrame();
    const [x, y] = (await readHook("selected-at")).split(",").map(Number);
    await page.locator("#diagram-canvas").hover({ position: { x: x as number, y: y as number } });
    expect(await page.isVisible("#diagram-tip")).toBe(true);
    expect(await page.textContent("#diagram-tip .tip-reason")).toBe(
      "pruned: value 0.31 is outside the beam (width 2)",
    );
    await page.mouse.move(1, 1);
  });

  it("highlights search matches", async () => {
    await page.fill("#search", "verifier rejects");
    await page.press("#search", "Enter");
    await nextFrame();
    expect(await readHook("matches")).toBe("2");
    await page.fill("#search", "");
    await page.press("#search", "Escape");
    await nextFrame();
    expect(await readHook("matches")).toBe("0");
  });

  it("replays the search: nodes appear in the order they were created", async () => {
    const slider = page.locator("#timeline");
    await slider.fill("0");
    await nextFrame();
    expect(await readHook("nodes")).toBe("1");
    const firstLayerDone = tree.events.findIndex((event) => event.type === "budget") + 1;
    await slider.fill(String(firstLayerDone));
    await nextFrame();
    expect(await readHook("nodes")).toBe("6");
    await slider.fill(String(tree.events.length));
    await nextFrame();
    expect(await readHook("nodes")).toBe(String(tree.nodes.length));
  });

  it("lays the tree out as an icicle", async () => {
    await page.selectOption("#diagram-layout", "icicle");
    await nextFrame();
    expect(await readHook("layout")).toBe("icicle");
    expect(await readHook("nodes")).toBe(String(tree.nodes.length));
    await page.selectOption("#diagram-layout", "tree");
    await nextFrame();
  });

  it("sizes nodes by the tokens they generated", async () => {
    // Node 12 generated 29 tokens, node 14 only 20 (demo tree): in the tidy tree their circles
    // differ in area; with equal sizes they are the same.
    const readSize = async (id: number) => {
      await page.click(`.row[data-id='${id}'] .text`);
      await nextFrame();
      return (await readHook("selected-size")).split(",").map(Number)[0] as number;
    };
    expect(await readSize(12)).toBe(await readSize(14));
    await page.selectOption("#diagram-size", "tokens");
    await nextFrame();
    const heavy = await readSize(12);
    const light = await readSize(14);
    expect(heavy).toBeGreaterThan(light);
    await page.selectOption("#diagram-size", "nodes");
    await nextFrame();
  });

  it("looks the part (screenshot for the docs)", async () => {
    await page.click(`.row[data-id='${BEST.at(-1)}'] .text`);
    await page.click("#view-diagram");
    await page.click("#diagram-best");
    await page.locator("#diagram").blur();
    await nextFrame();
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(errors).toEqual([]);
  });
});
