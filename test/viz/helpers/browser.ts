import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "@deliberate/viz/testing";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** A Chromium with its own fresh profile, and a scratch folder for the pages it opens. */
export interface TestBrowser {
  context: BrowserContext;
  dir: string;
  newPage(): Promise<Page>;
  /** Writes `html` to a file and opens it, resolving once the viewer says it is ready. */
  openHtml(page: Page, html: string, name?: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh user-data-dir (playwright takes it as the persistent context's
 * folder rather than as a flag) and the flags the project runs it with everywhere.
 */
export async function launchBrowser(viewport = { width: 1360, height: 820 }): Promise<TestBrowser> {
  const dir = await mkdtemp(join(tmpdir(), "deliberate-viz-"));
  const context = await chromium.launchPersistentContext(join(dir, "profile"), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport,
  });
  return {
    context,
    dir,
    newPage: () => context.newPage(),
    async openHtml(page, html, name = "tree.html") {
      const file = join(dir, name);
      await writeFile(file, html);
      const started = Date.now();
      await page.goto(`file://${file}`);
      await page.waitForSelector("html[data-viewer=ready]", { timeout: 20_000 });
      return Date.now() - started;
    },
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The text of the rows currently in the DOM, top to bottom. */
export function readRowTexts(page: Page): Promise<string[]> {
  return page.$$eval(".row", (rows) =>
    rows
      .map((row) => ({
        top: Number(
          /translateY\((\d+)px\)/.exec(
            (row as unknown as { style: { transform: string } }).style.transform,
          )?.[1],
        ),
        text: row.querySelector(".text")?.textContent ?? "",
      }))
      .sort((a, b) => a.top - b.top)
      .map((row) => row.text),
  );
}
