import { readdirSync } from "node:fs";
import { createSearch, type ThinkOptions, think } from "@deliberate/core";
import type { SearchEventType } from "@deliberate/core/tree";
import { type LlamaModel, loadModel } from "@deliberate/llama";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { injectFaults } from "./helpers/fault-model.js";

const QUESTION = "Name a colour of the sky.";
const SEARCH = {
  strategy: { name: "beam", width: 2, branching: 2 },
  maxDepth: 4,
  maxStepTokens: 12,
  evaluationSamples: 1,
  seed: 3,
} as const satisfies Omit<ThinkOptions, "model">;

let model: LlamaModel;

/** What a stopped search must give back: timers, open files, the context's sequences. */
function countHeld() {
  return {
    timers: process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length,
    files: readdirSync("/proc/self/fd").length,
    sequencesLeft: model.native.context.sequencesLeft,
  };
}

let baseline: ReturnType<typeof countHeld>;

/**
 * Lets the loop run briefly: llama's batch dispatch keeps a zero-delay timer for a moment after
 * any call, so counts are read once that has fired, not while it is still queued.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

beforeAll(async () => {
  model = await loadModel({ model: "synthetic:tiny", branches: 4, contextSize: 1024 });
  // Warm: the first search opens what every later one reuses (scratch folder, grammar cache).
  await think(QUESTION, { ...SEARCH, model, budget: { nodes: 7 } });
  await settle();
  baseline = countHeld();
});

afterAll(() => model?.dispose());

/**
 * After a stop: nothing is held beyond the baseline, and the pool serves the next question: a
 * request for every sequence at once (a sequence left busy would make it wait for ever), then a
 * whole search.
 */
async function expectPoolFree() {
  await settle();
  const held = countHeld();
  expect(held.timers).toBeLessThanOrEqual(baseline.timers);
  expect(held.files).toBeLessThanOrEqual(baseline.files);
  expect(held.sequencesLeft).toBe(baseline.sequencesLeft);
  const reply = await model.generate({
    segments: [{ text: "Once upon a time", trusted: true }],
    n: model.branches,
    maxTokens: 4,
    seed: 1,
  });
  expect(reply.completions).toHaveLength(model.branches);
  const next = await think(QUESTION, { ...SEARCH, model, budget: { nodes: 7 } });
  expect(next.stopReason).toBe("budget");
  expect(next.tree.nodes).toHaveLength(7);
}

describe("cancel in every state of the machine, on synthetic:tiny", () => {
  const cases: [state: string, trigger: SearchEventType][] = [
    ["expanding", "selected"],
    ["evaluating", "scored"],
    ["finalizing", "finalizing"],
  ];

  it.each(cases)("leaves nothing behind when cancelled while %s", async (_state, trigger) => {
    const search = createSearch(QUESTION, {
      ...SEARCH,
      model,
      budget: trigger === "finalizing" ? { nodes: 5 } : { nodes: 40 },
    });
    let cancelled = false;
    search.subscribe((event) => {
      if (event.type === trigger && !cancelled) {
        cancelled = true;
        search.cancel();
      }
    });
    search.start();
    const result = await search.result;
    expect(cancelled).toBe(true);
    expect(result.stopReason).toBe("cancelled");
    await expectPoolFree();
  });

  it("leaves nothing behind when cancelled while paused", async () => {
    const search = createSearch(QUESTION, { ...SEARCH, model, budget: { nodes: 40 } });
    search.start();
    await search.pause();
    search.cancel();
    expect((await search.result).stopReason).toBe("cancelled");
    await expectPoolFree();
  });

  it("leaves nothing behind when cancelled before it starts", async () => {
    const search = createSearch(QUESTION, { ...SEARCH, model });
    search.cancel();
    search.start();
    expect((await search.result).stopReason).toBe("cancelled");
    await expectPoolFree();
  });
});

describe("a deadline in every state of the machine, on synthetic:tiny", () => {
  it.each([
    ["expanding", "generate"],
    ["evaluating", "score"],
  ] as const)("stops at the deadline while %s and leaves nothing behind", async (_state, slow) => {
    // The real model, its calls of one kind slowed past the deadline (they honour their signal).
    const slowed = injectFaults(
      model,
      (_call, kind) => (kind === slow ? "slow" : undefined),
      60_000,
    );
    const result = await think(QUESTION, {
      ...SEARCH,
      model: slowed,
      budget: { time: 500, reserve: 0 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("time");
    expect(result.usage.elapsedMs).toBeLessThan(60_000);
    await expectPoolFree();
  });

  it("stops at the deadline while finalizing, when the reserve runs out too", async () => {
    // The search proper spends its share on real calls; the greedy finish (temperature 0) is slow.
    let finishing = false;
    const slowed = injectFaults(
      model,
      (_call, kind, temperature) => {
        if (kind === "generate" && temperature === 0) finishing = true;
        return finishing ? "slow" : undefined;
      },
      60_000,
    );
    const result = await think(QUESTION, {
      ...SEARCH,
      model: slowed,
      // Deep enough never to run out of states: the search proper stops at its share of the time.
      maxDepth: 50,
      budget: { time: 1500, reserve: 0.5 },
    });
    expect(finishing).toBe(true);
    expect(result.tree.events.some((event) => event.type === "finalizing")).toBe(true);
    expect(result.stopReason).toBe("budget");
    expect(result.usage.elapsedMs).toBeLessThan(60_000);
    await expectPoolFree();
  });

  it("stops at the deadline in the middle of a long generation on the model itself", async () => {
    const result = await think(QUESTION, {
      ...SEARCH,
      model,
      maxStepTokens: 900,
      budget: { time: 300, reserve: 0 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("time");
    await expectPoolFree();
  });
});
