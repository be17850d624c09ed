/**
 * The viewer's diagram under load: time from navigation to its first paint (the page opened at
 * `#diagram`), and frames per second while a real mouse drags it, at the zoom it opens with
 * (the best path framed) and zoomed out until every node is in view.
 */
import type { Page } from "playwright-core";

/** Records every animation frame's timestamp from now on, in the page. */
const START_FRAME_LOG = `(() => {
  const log = [];
  globalThis.__deliberateFrames = log;
  const tick = (now) => { log.push(now); if (globalThis.__deliberateFrames === log) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAME_LOG = `(() => {
  const log = globalThis.__deliberateFrames;
  globalThis.__deliberateFrames = undefined;
  return log;
})()`;

/** Frames while panning: their rate, the slowest one, and how many actually drew the diagram. */
export interface PanFigures {
  fps: number;
  drawnFps: number;
  p95FrameMs: number;
  worstFrameMs: number;
}

export interface DiagramRun {
  firstPaintMs: number;
  paintMarkMs: number;
  panOpen: PanFigures;
  panAll: PanFigures;
}

async function readFrameCount(page: Page): Promise<number> {
  return Number(await page.getAttribute("#diagram", "data-frames"));
}

/**
 * Drags the diagram with the mouse for `ms`, as a reader sweeping along the tree would: strokes
 * across the canvas in one direction, so the view travels far past the painted margin and the
 * scene is painted again on the way (a small circle would only ever copy one bitmap). The rate is
 * that of the page's animation frames, which a slow paint holds back.
 */
async function pan(page: Page, ms: number): Promise<PanFigures> {
  const box = await page.locator("#diagram-canvas").boundingBox();
  if (!box) throw new Error("The diagram has no canvas on screen.");
  const left = box.x + 40;
  const right = box.x + box.width - 40;
  const cy = box.y + box.height / 2;
  await page.mouse.move(right, cy);
  await page.mouse.down();
  const drawnBefore = await readFrameCount(page);
  await page.evaluate(START_FRAME_LOG);
  const started = Date.now();
  let x = right;
  let step = 0;
  while (Date.now() - started < ms) {
    step++;
    x -= 12;
    if (x < left) {
      await page.mouse.up();
      x = right;
      await page.mouse.move(x, cy);
      await page.mouse.down();
    }
    await page.mouse.move(x, cy + 40 * Math.sin(step / 20));
  }
  const log = (await page.evaluate(STOP_FRAME_LOG)) as number[];
  await page.mouse.up();
  const drawn = (await readFrameCount(page)) - drawnBefore;
  const seconds = ((log.at(-1) ?? 0) - (log[0] ?? 0)) / 1000;
  const intervals = log.slice(1).map((time, i) => time - (log[i] as number));
  intervals.sort((a, b) => a - b);
  return {
    fps: seconds > 0 ? (log.length - 1) / seconds : 0,
    drawnFps: seconds > 0 ? drawn / seconds : 0,
    p95FrameMs: intervals[Math.floor(intervals.length * 0.95)] ?? 0,
    worstFrameMs: intervals.at(-1) ?? 0,
  };
}

export async function measureDiagram(page: Page, file: string, panMs: number): Promise<DiagramRun> {
  const started = performance.now();
  await page.goto(`file://${file}#diagram`);
  await page.waitForSelector("#diagram[data-painted=true]", { timeout: 60_000 });
  const firstPaintMs = performance.now() - started;
  const paintMarkMs = Number(
    await page.evaluate(`performance.getEntriesByName("deliberate:diagram-painted")[0].startTime`),
  );
  const panOpen = await pan(page, panMs);
  await page.click("#diagram-fit");
  await page.waitForTimeout(300);
  const panAll = await pan(page, panMs);
  return { firstPaintMs, paintMarkMs, panOpen, panAll };
}

/** The median rates and frame times of several pans, and the worst frame of all. */
export function summarizePans(pans: readonly PanFigures[]): PanFigures {
  const middle = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
  return {
    fps: Math.round(middle(pans.map((pan) => pan.fps)) * 10) / 10,
    drawnFps: Math.round(middle(pans.map((pan) => pan.drawnFps)) * 10) / 10,
    p95FrameMs: Math.round(middle(pans.map((pan) => pan.p95FrameMs))),
    worstFrameMs: Math.round(Math.max(0, ...pans.map((pan) => pan.worstFrameMs))),
  };
}

export function describePan(pan: PanFigures): string {
  return `${pan.fps} fps (${pan.drawnFps} drawn/s), p95 frame ${pan.p95FrameMs} ms, worst ${pan.worstFrameMs} ms`;
}
