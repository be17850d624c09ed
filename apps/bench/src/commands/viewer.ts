/**
 * `npm run bench -- viewer [--json] [--nodes 10000] [--runs 5]`: how long the self-contained HTML
 * viewer takes to open a large search tree in Chromium (navigation to first rows on screen; goal
 * under 3 s for 10,000 nodes), and how long the heaviest interactions take once it is open:
 * expanding every node, replaying to the middle of the search, and a text search. Then the
 * diagram view: time to its first paint (goal under 1.5 s) and frames per second while dragging it
 * (goal at least 30), at the opening zoom and with every node in view.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeMachine } from "@deliberate/eval";
import { renderHtml } from "@deliberate/viz";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, sampleTree } from "@deliberate/viz/testing";
import { chromium, type Page } from "playwright-core";
import { parseBenchArgs, printTable } from "../bench-output.js";
import {
  type DiagramRun,
  describePan,
  measureDiagram,
  summarizePans,
} from "../viewer/measure-diagram.js";

/** In-page timings: the click handlers lay out and paint synchronously, so these are whole. */
const MEASURE_EXPAND_ALL = `(() => {
  const started = performance.now();
  document.getElementById("expand-all").click();
  return performance.now() - started;
})()`;

const MEASURE_REPLAY = `(() => {
  const slider = document.getElementById("timeline");
  const started = performance.now();
  slider.value = String(Math.floor(Number(slider.max) / 2));
  slider.dispatchEvent(new Event("input"));
  slider.value = slider.max;
  slider.dispatchEvent(new Event("input"));
  return performance.now() - started;
})()`;

const MEASURE_SEARCH = `(() => {
  const input = document.getElementById("search");
  input.value = "step 9876";
  const started = performance.now();
  input.dispatchEvent(new Event("input"));
  input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
  const elapsed = performance.now() - started;
  if (document.querySelector(".row.selected")?.dataset.id !== "9876") throw new Error("search did not reach node 9876");
  return elapsed;
})()`;

interface Run {
  openMs: number;
  readyMarkMs: number;
  expandAllMs: number;
  replayMs: number;
  searchMs: number;
}

async function measureOnce(page: Page, file: string): Promise<Run> {
  const started = performance.now();
  await page.goto(`file://${file}`);
  await page.waitForSelector("html[data-viewer=ready]", { timeout: 60_000 });
  const openMs = performance.now() - started;
  const readyMarkMs = Number(
    await page.evaluate(`performance.getEntriesByName("deliberate:ready")[0].startTime`),
  );
  const expandAllMs = Number(await page.evaluate(MEASURE_EXPAND_ALL));
  const replayMs = Number(await page.evaluate(MEASURE_REPLAY));
  const searchMs = Number(await page.evaluate(MEASURE_SEARCH));
  return { openMs, readyMarkMs, expandAllMs, replayMs, searchMs };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export async function run(args: readonly string[]): Promise<void> {
  const options = parseBenchArgs(args, {
    nodes: "10000",
    runs: "5",
    chromium: CHROMIUM_PATH,
    "pan-ms": "3000",
  });
  const nodes = Number(options.nodes);
  const runs = Number(options.runs);
  const tree = sampleTree({ nodes, seed: 7 });
  const renderStarted = performance.now();
  const html = renderHtml(tree);
  const renderMs = performance.now() - renderStarted;
  const dir = await mkdtemp(join(tmpdir(), "deliberate-bench-viewer-"));
  const file = join(dir, "tree.html");
  await writeFile(file, html);
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: options.chromium,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1360, height: 820 },
  });
  const results: Run[] = [];
  const diagrams: DiagramRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      results.push(await measureOnce(page, file));
      await page.close();
    }
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      diagrams.push(await measureDiagram(page, file, Number(options["pan-ms"])));
      await page.close();
    }
  } finally {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  }
  const pick = (key: keyof Run) => Math.round(median(results.map((result) => result[key])));
  const figures = {
    nodes,
    events: tree.events.length,
    runs,
    htmlBytes: Buffer.byteLength(html),
    renderHtmlMs: Math.round(renderMs),
    openMs: pick("openMs"),
    openMsWorst: Math.round(Math.max(...results.map((result) => result.openMs))),
    readyMarkMs: pick("readyMarkMs"),
    expandAllMs: pick("expandAllMs"),
    replayMs: pick("replayMs"),
    searchMs: pick("searchMs"),
    goalMs: 3000,
    diagram: {
      firstPaintMs: Math.round(median(diagrams.map((run) => run.firstPaintMs))),
      firstPaintMsWorst: Math.round(Math.max(...diagrams.map((run) => run.firstPaintMs))),
      paintMarkMs: Math.round(median(diagrams.map((run) => run.paintMarkMs))),
      panOpen: summarizePans(diagrams.map((run) => run.panOpen)),
      panAll: summarizePans(diagrams.map((run) => run.panAll)),
      goalFirstPaintMs: 1500,
      goalFps: 30,
    },
  };
  if (options.json) {
    console.log(JSON.stringify({ benchmark: "viewer", machine: describeMachine(), ...figures }));
    return;
  }
  printTable(`viewer: ${nodes}-node tree in Chromium, median of ${runs} runs`, [
    { figure: "HTML size", value: `${(figures.htmlBytes / 2 ** 20).toFixed(1)} MiB` },
    { figure: "renderHtml()", value: `${figures.renderHtmlMs} ms` },
    {
      figure: "open to first rows (goal < 3000 ms)",
      value: `${figures.openMs} ms (worst ${figures.openMsWorst})`,
    },
    { figure: "ready mark after navigation start", value: `${figures.readyMarkMs} ms` },
    { figure: "expand all", value: `${figures.expandAllMs} ms` },
    { figure: "replay to middle and back", value: `${figures.replayMs} ms` },
    { figure: "search and jump", value: `${figures.searchMs} ms` },
  ]);
  const { diagram } = figures;
  printTable(`viewer diagram: ${nodes}-node tree in Chromium, median of ${runs} runs`, [
    {
      figure: "open #diagram to first paint (goal < 1500 ms)",
      value: `${diagram.firstPaintMs} ms (worst ${diagram.firstPaintMsWorst})`,
    },
    { figure: "first paint mark after navigation start", value: `${diagram.paintMarkMs} ms` },
    {
      figure: "panning at the opening zoom (goal ≥ 30 fps)",
      value: describePan(diagram.panOpen),
    },
    {
      figure: "panning with all nodes in view (goal ≥ 30 fps)",
      value: describePan(diagram.panAll),
    },
  ]);
}
