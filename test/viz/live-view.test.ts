import { createSearch, type SearchEvent, type SearchTree } from "@deliberate/core";
import { createRandomModel } from "@deliberate/core/testing";
import { type LiveServer, startLiveServer } from "@deliberate/viz";
import { sampleTree } from "@deliberate/viz/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, type TestBrowser } from "./helpers/browser.js";

const tree = sampleTree({ nodes: 30, seed: 4 });
tree.nodes[5] = {
  ...(tree.nodes[5] as (typeof tree.nodes)[number]),
  text: '<img src=x onerror="window.__pwned = 1">',
};
const beginning = {
  ...tree,
  nodes: tree.nodes.slice(0, 1),
  events: [],
  bestPath: undefined,
  stopReason: undefined,
};
let browser: TestBrowser;
let server: LiveServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startLiveServer({ tree: beginning });
});

afterAll(async () => {
  await server?.close();
  await browser?.close();
});

function pushEvents(events: readonly SearchEvent[]): void {
  for (const event of events) server.push(event, "id" in event ? tree.nodes[event.id] : undefined);
}

function readShown(page: Page): Promise<string | null> {
  return page.textContent("#row-count");
}

/**
 * Waits until the page knows `count` nodes. Polled from the test rather than evaluated in the
 * page, whose Content-Security-Policy forbids evaluating strings.
 */
async function waitForNodes(page: Page, count: number): Promise<void> {
  await expect.poll(() => readShown(page)).toMatch(new RegExp(`of ${count} nodes shown$`));
}

async function openLivePage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector("html[data-viewer=ready]");
  await page.waitForSelector("#live-state[data-state=live]");
  return page;
}

describe("the live viewer", () => {
  const half = tree.events.findIndex((event) => event.type === "created" && event.id === 15);
  let first: Page;

  it("receives events pushed while the page is open", async () => {
    first = await openLivePage();
    await first.click("#expand-all");
    expect(await readShown(first)).toBe("1 of 1 nodes shown");
    await first.click("#view-split");
    await first.waitForSelector("#diagram[data-painted=true]");
    expect(await first.getAttribute("#diagram", "data-nodes")).toBe("1");
    pushEvents(tree.events.slice(0, half + 1));
    await waitForNodes(first, 16);
    // Half the search in, the diagram shows the 16 nodes so far, while the search goes on.
    await expect.poll(() => first.getAttribute("#diagram", "data-nodes")).toBe("16");
    await first.click("#expand-all");
    expect(await readShown(first)).toBe("16 of 16 nodes shown");
    expect(await first.textContent(".row[data-id='5'] .text")).toBe(tree.nodes[5]?.text);
  });

  it("catches up from the event log when opened mid-search, then follows", async () => {
    const late = await openLivePage();
    await late.click("#expand-all");
    expect(await readShown(late)).toBe("16 of 16 nodes shown");
    pushEvents(tree.events.slice(half + 1));
    server.update(tree);
    for (const page of [first, late]) {
      await waitForNodes(page, tree.nodes.length);
      await page.click("#expand-all");
      expect(await readShown(page)).toBe(
        `${tree.nodes.length} of ${tree.nodes.length} nodes shown`,
      );
      await page.waitForSelector(".row.best");
      expect(await page.textContent("#facts")).toContain(`stopped${tree.stopReason}`);
      expect(
        await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned),
      ).toBeUndefined();
    }
    await late.close();
  });

  it("shows the search as finished when the server closes", async () => {
    await server.close();
    await first.waitForSelector("#live-state[data-state=finished]");
  });
});

/** Strips what JSON would drop (`undefined` fields), so trees compare by content. */
function normalize(tree: SearchTree): unknown {
  return JSON.parse(
    JSON.stringify({ nodes: tree.nodes, events: tree.events, bestPath: tree.bestPath }),
  );
}

describe("the live viewer following the engine", () => {
  it("shows a running search as it grows and ends with the engine's tree", async () => {
    const search = createSearch("What is the answer?", {
      model: createRandomModel({ answerRate: 0.15, latencyMs: 5 }),
      strategy: "beam",
      seed: 3,
      budget: { nodes: 60 },
    });
    const live = await startLiveServer({ tree: search.tree() });
    // The recorder's node array is live: index it once instead of rebuilding the tree per event.
    const nodes = search.tree().nodes;
    search.subscribe((event: SearchEvent) =>
      live.push(event, "id" in event ? nodes[event.id] : undefined),
    );
    const page = await browser.newPage();
    try {
      await page.goto(live.url);
      await page.waitForSelector("#live-state[data-state=live]");
      await page.click("#view-split");
      await page.waitForSelector("#diagram[data-painted=true]");
      expect(await page.getAttribute("#diagram", "data-nodes")).toBe("1");
      search.start();
      const result = await search.result;
      live.update(result.tree);
      const count = result.tree.nodes.length;
      // Polled from the test, not evaluated in the page: the page's CSP forbids string evaluation.
      await expect
        .poll(() => page.textContent("#row-count"))
        .toMatch(new RegExp(`of ${count} nodes shown$`));
      // The diagram grew with the outline, to the engine's final tree.
      await expect.poll(() => page.getAttribute("#diagram", "data-nodes")).toBe(String(count));
      expect(normalize(live.snapshot())).toEqual(normalize(result.tree));
      expect(await page.textContent("#facts")).toContain(`stopped${result.stopReason}`);
      if ((result.tree.bestPath?.length ?? 0) > 0) await page.waitForSelector(".row.best");
    } finally {
      await page.close();
      await live.close();
    }
  });
});
