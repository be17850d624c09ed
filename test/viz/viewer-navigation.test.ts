import { renderHtml } from "@deliberate/viz";
import { sampleTree } from "@deliberate/viz/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "./helpers/browser.js";

// Wide and deep enough that the best path's last node opens far below the first screen.
const tree = sampleTree({ nodes: 600, seed: 4, branching: 6 });
const bestLeaf = tree.bestPath?.at(-1);
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

// The page's elements as far as these checks read them (the tests compile without the DOM lib).
interface Box {
  readonly top: number;
  readonly bottom: number;
}
interface RowElement {
  readonly style: { readonly transform: string };
  getBoundingClientRect(): Box;
}
interface RowsElement {
  readonly clientTop: number;
  readonly clientHeight: number;
  scrollTop: number;
  getBoundingClientRect(): Box;
  querySelector(selector: string): RowElement | null;
}

/** Where a row sits against the scrolling list: its top and bottom, and the list's visible span. */
function placeRow(id: number) {
  return page.$eval(
    "#rows",
    (element, rowId) => {
      const rows = element as unknown as RowsElement;
      const row = rows.querySelector(`.row[data-id='${rowId}']`);
      const viewTop = rows.getBoundingClientRect().top + rows.clientTop;
      const rect = row?.getBoundingClientRect();
      return {
        found: row !== null,
        top: rect?.top ?? 0,
        bottom: rect?.bottom ?? 0,
        viewTop,
        viewBottom: viewTop + rows.clientHeight,
        offset: Number(/translateY\((\d+)px\)/.exec(row?.style.transform ?? "")?.[1] ?? -1),
        height: rows.clientHeight,
      };
    },
    id,
  );
}

describe("the viewer's navigation", () => {
  it("opens with the best path's last node selected and scrolled into view", async () => {
    expect(bestLeaf).toBeDefined();
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(bestLeaf));
    const place = await placeRow(bestLeaf as number);
    // The row lies below the first screen, so only scrolling can show it.
    expect(place.offset).toBeGreaterThan(place.height);
    expect(place.found).toBe(true);
    expect(place.top).toBeGreaterThanOrEqual(place.viewTop);
    expect(place.bottom).toBeLessThanOrEqual(place.viewBottom);
  });

  it("goes to the parent with one ← after Expand all", async () => {
    await page.click("#expand-all");
    await page.$eval("#rows", (element) => {
      (element as unknown as RowsElement).scrollTop = 0;
    });
    // A leaf two levels down among the first rows: Expand all marked it expanded too.
    const shown = (await page.$$eval(".row", (rows) =>
      rows.map((row) => Number((row as unknown as { dataset: { id?: string } }).dataset.id)),
    )) as number[];
    const leaf = tree.nodes.find(
      (node) =>
        shown.slice(0, 20).includes(node.id) &&
        node.depth >= 2 &&
        !tree.nodes.some((other) => other.parent === node.id),
    );
    expect(leaf).toBeDefined();
    const id = leaf?.id as number;
    await page.click(`.row[data-id='${id}'] .text`);
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(id));
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(leaf?.parent));
    // On a row with children shown, ← still collapses first, then goes up.
    await page.keyboard.press("ArrowLeft");
    expect(await page.getAttribute(`.row[data-id='${leaf?.parent}']`, "aria-expanded")).toBe(
      "false",
    );
    expect(await page.getAttribute(".row.selected", "data-id")).toBe(String(leaf?.parent));
  });
});
