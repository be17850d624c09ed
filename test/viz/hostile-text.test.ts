import { renderHtml } from "@deliberate/viz";
import { HOSTILE_TEXTS, sampleTree } from "@deliberate/viz/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./helpers/browser.js";

const tree = sampleTree({ nodes: 40, seed: 11, texts: HOSTILE_TEXTS });
tree.question = "</script><script>window.__pwned = 'question'</script><img src=x onerror=alert(1)>";
// The root's thought is the question, as the engine records it: the diagram labels the root with it.
(tree.nodes[0] as { text: string }).text = tree.question;
for (const node of tree.nodes.slice(1, 8)) {
  node.status = "invalid";
  node.reason = "<img src=x onerror=\"window.__pwned = 'reason'\">";
  node.raw = "</pre><script>window.__pwned = 'raw'</script>";
  node.answer = "<svg onload=\"window.__pwned = 'answer'\">";
}
const OBSERVATION_IDS = [31, 32];
const HOSTILE_OBSERVATION = {
  tool: "<img src=x onerror=\"window.__pwned = 'tool'\">",
  input: "</code><script>window.__pwned = 'input'</script>",
  text: "</pre><script>window.__pwned = 'observation'</script>\nFinal answer: 42 <|im_start|>system",
  ok: false,
  ms: 12,
};
for (const id of OBSERVATION_IDS) {
  (tree.nodes[id] as { observation?: unknown }).observation = HOSTILE_OBSERVATION;
}
const HOSTILE_PLUGIN = "<img src=x onerror=\"window.__pwned = 'plugin'\">";
tree.plugins = {
  strategy: {
    name: HOSTILE_PLUGIN,
    options: { depth: "</span><script>window.__pwned = 'option'</script>" },
  },
  evaluator: { name: "value" },
  generator: { name: "sample" },
};
// Input guards' verdicts on the question: a guard's name and reason may quote hostile input.
const HOSTILE_GUARD = "<img src=x onerror=\"window.__pwned = 'guard'\">";
const HOSTILE_REASON =
  "Expected no encoded instructions, got base64 that decodes to \"</span><script>window.__pwned = 'reason'</script>\".";
tree.events.splice(
  1,
  0,
  {
    type: "guarded",
    seq: 0,
    t: 0,
    guard: "length",
    verdict: "pass",
    measurement: { characters: 80 },
  },
  { type: "guarded", seq: 0, t: 0, guard: HOSTILE_GUARD, verdict: "warn", reason: HOSTILE_REASON },
  {
    type: "guarded",
    seq: 0,
    t: 0,
    guard: "encoded-payload",
    verdict: "block",
    reason: HOSTILE_REASON,
  },
);
tree.events.forEach((event, index) => {
  event.seq = index;
});
const hostileIds = HOSTILE_TEXTS.map((_, index) => index + 1);
const HUGE_ID = 30;
(tree.nodes[HUGE_ID] as { text: string }).text = `${"100 kB of thought ".repeat(12_000)}end`;

let browser: TestBrowser;
let page: Page;
const dialogs: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  // Tall enough that all 40 rows are in the DOM at once, so each can be clicked without scrolling.
  browser = await launchBrowser({ width: 1360, height: 1600 });
  page = await browser.newPage();
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => problems.push(message.text()));
  await browser.openHtml(page, renderHtml(tree));
  await page.click("#expand-all");
});

afterAll(async () => {
  await browser?.close();
});

/** The viewer's one-line form of a text (client/dom.js flattenLine): what the tooltip shows. */
function flattenLine(text: string, max = 240): string {
  const head = text.length > max ? `${text.slice(0, max)}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return head.replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, " ").trim();
}

async function readPwned(): Promise<unknown> {
  return page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
}

describe("the viewer with hostile node texts", () => {
  it("shows a plug-in's name and options in the header as text", async () => {
    const facts = (await page.textContent("#facts")) ?? "";
    expect(facts).toContain(`strategy${HOSTILE_PLUGIN} (depth </span><script>`);
    expect(facts).toContain("evaluatorvalue");
    expect(await readPwned()).toBeUndefined();
  });

  it("shows each input guard's verdict and reason in the header as text", async () => {
    const lines = await page.$$eval("#guards li", (items) =>
      items.map((item) => [...item.children].map((child) => child.textContent)),
    );
    expect(lines).toEqual([
      ["guard length", "pass"],
      [`guard ${HOSTILE_GUARD}`, "warn", HOSTILE_REASON],
      ["guard encoded-payload", "block", HOSTILE_REASON],
    ]);
    expect(await page.$$eval("#guards li", (items) => items.map((item) => item.className))).toEqual(
      ["guard guard-pass", "guard guard-warn", "guard guard-block"],
    );
    expect(await page.$$eval("#guards *", (elements) => elements.length)).toBe(11);
    expect(await readPwned()).toBeUndefined();
  });

  it("shows each text literally in its row and runs none of it", async () => {
    for (const id of hostileIds.slice(0, 7)) {
      const text = await page.textContent(`.row[data-id='${id}'] .text`);
      expect(text).toBe(HOSTILE_TEXTS[id - 1]);
    }
    expect(await page.textContent("#question")).toBe(tree.question);
    expect(await readPwned()).toBeUndefined();
  });

  it("shows full texts, reasons, raw output and answers in the details panel as text", async () => {
    for (const id of hostileIds) {
      await page.click(`.row[data-id='${id}'] .text`);
      expect(await page.textContent("#details pre.thought")).toBe(HOSTILE_TEXTS[id - 1]);
    }
    await page.click(".row[data-id='2'] .text");
    expect(await page.textContent("#details .raw-text")).toBe(
      "</pre><script>window.__pwned = 'raw'</script>",
    );
    expect(await readPwned()).toBeUndefined();
  });

  it("shows a tool's observation, tool name and input as text in the row and the details panel", async () => {
    const [id] = OBSERVATION_IDS;
    const note = await page.textContent(`.row[data-id='${id}'] .observation`);
    expect(note).toMatch(/^⚙ <img src=x onerror=/);
    expect(note).toContain("</pre><script>window.__pwned = 'observation'</script>");
    await page.click(`.row[data-id='${id}'] .text`);
    expect(await page.textContent("#details pre.observation-text")).toBe(HOSTILE_OBSERVATION.text);
    expect(await page.textContent("#details .observation-input")).toBe(HOSTILE_OBSERVATION.input);
    expect(await page.textContent("#details .observation-tool")).toBe(HOSTILE_OBSERVATION.tool);
    expect(await page.textContent("#details .observation-error")).toMatch(/^error/);
    expect(await readPwned()).toBeUndefined();
  });

  it("shows a huge thought cut short in its row and whole in the details panel", async () => {
    const row = await page.textContent(`.row[data-id='${HUGE_ID}'] .text`);
    expect(row?.length).toBeLessThan(500);
    await page.click(`.row[data-id='${HUGE_ID}'] .text`);
    expect(await page.textContent("#details pre.thought")).toBe(tree.nodes[HUGE_ID]?.text);
  });

  it("adds no element the tree did not ask for", async () => {
    const foreign = await page.$$eval(
      "body *",
      (elements) =>
        elements.filter((element) =>
          ["IMG", "SVG", "IFRAME", "OBJECT", "EMBED"].includes(element.tagName.toUpperCase()),
        ).length,
    );
    expect(foreign).toBe(0);
    expect(await page.$$eval("script", (scripts) => scripts.length)).toBe(2);
  });

  it("shows thoughts and reasons as text in the diagram's tooltip and caption", async () => {
    await page.click("#view-split");
    await page.waitForSelector("#diagram[data-painted=true]");
    for (const id of [0, ...hostileIds]) {
      await page.click(`.row[data-id='${id}'] .text`);
      await page.evaluate("new Promise((resolve) => requestAnimationFrame(resolve))");
      const [x, y] = ((await page.getAttribute("#diagram", "data-selected-at")) ?? "")
        .split(",")
        .map(Number);
      await page.locator("#diagram-canvas").hover({ position: { x: x as number, y: y as number } });
      const text = flattenLine(id === 0 ? tree.question : (HOSTILE_TEXTS[id - 1] as string));
      expect(await page.textContent("#diagram-tip .tip-text")).toBe(text);
      expect(await page.textContent("#diagram-caption")).toContain(text);
      if (id >= 1 && id <= 7) {
        expect(await page.textContent("#diagram-tip .tip-reason")).toBe(
          "invalid: <img src=x onerror=\"window.__pwned = 'reason'\">",
        );
      }
      // Only the tooltip's own lines: no element came from the text.
      expect(
        await page.$$eval("#diagram-tip *", (elements) =>
          elements.every((element) => element.tagName === "DIV" && element.children.length === 0),
        ),
      ).toBe(true);
    }
    await page.mouse.move(1, 1);
    expect(await readPwned()).toBeUndefined();
  });

  it("stays inert through search and replay, with no dialog and no policy violation", async () => {
    await page.fill("#search", "script");
    await page.press("#search", "Enter");
    await page.locator("#timeline").fill("5");
    await page.locator("#timeline").fill(String(tree.events.length));
    expect(await readPwned()).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
