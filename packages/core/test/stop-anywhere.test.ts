import { createSearch, type Model, think } from "@deliberate/core";
import type { SearchEventType } from "@deliberate/core/tree";
import { describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

const strategy = { name: "beam" as const, width: 2, branching: 2 };

function countTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
}

/** Makes the calls whose prompt matches take `ms` longer (and honour their abort signal). */
function slowDown(model: Model, pattern: RegExp, ms: number): Model {
  return {
    id: `slow-${model.id}`,
    async generate(request) {
      const prompt = request.segments.map((segment) => segment.text).join("");
      if (pattern.test(prompt)) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, ms);
          request.signal?.addEventListener("abort", () => {
            clearTimeout(timer);
            reject(request.signal?.reason);
          });
        });
      }
      return model.generate(request);
    },
  };
}

async function settle() {
  await new Promise((resolve) => setImmediate(resolve));
}

describe("cancel in every state of the machine", () => {
  const cases: [state: string, trigger: SearchEventType][] = [
    ["expanding", "selected"],
    ["evaluating", "scored"],
    ["finalizing", "finalizing"],
  ];

  it.each(cases)("stops cleanly when cancelled while %s", async (_state, trigger) => {
    const timers = countTimers();
    const model = createGraphModel(trapGraph, { latencyMs: 5 });
    const search = createSearch(createGraphTask(trapGraph), {
      model,
      strategy,
      budget: trigger === "finalizing" ? { nodes: 4 } : undefined,
    });
    search.subscribe((event) => {
      if (event.type === trigger) search.cancel();
    });
    search.start();
    const result = await search.result;
    expect(result.stopReason).toBe("cancelled");
    const calls = model.calls;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(model.calls).toBe(calls);
    await settle();
    expect(countTimers()).toBeLessThanOrEqual(timers);
  });

  it("stops cleanly when cancelled before it starts", async () => {
    const model = createGraphModel(trapGraph);
    const search = createSearch(createGraphTask(trapGraph), { model, strategy });
    search.cancel();
    search.start();
    expect((await search.result).stopReason).toBe("cancelled");
    expect(model.calls).toBe(0);
  });

  it("stops cleanly when cancelled while paused", async () => {
    const timers = countTimers();
    const search = createSearch(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph, { latencyMs: 5 }),
      strategy,
      budget: { time: "1m" },
    });
    search.start();
    await search.pause();
    search.cancel();
    expect((await search.result).stopReason).toBe("cancelled");
    await settle();
    expect(countTimers()).toBeLessThanOrEqual(timers);
  });
});

describe("a deadline in every state of the machine", () => {
  const cases: [state: string, slow: RegExp][] = [
    ["expanding", /^expand /],
    ["evaluating", /^value of /],
  ];

  it.each(cases)(
    "stops at the deadline while %s, with nothing left running",
    async (_state, slow) => {
      const timers = countTimers();
      const inner = createGraphModel(trapGraph);
      const result = await think(createGraphTask(trapGraph), {
        model: slowDown(inner, slow, 10_000),
        strategy,
        budget: { time: 100, reserve: 0 },
      });
      expect(result.stopReason).toBe("budget");
      expect(result.limit).toBe("time");
      expect(result.usage.elapsedMs).toBeLessThan(10_000);
      await settle();
      expect(countTimers()).toBeLessThanOrEqual(timers);
    },
  );

  it("stops finalizing when the reserve runs out too", async () => {
    const inner = createGraphModel(trapGraph);
    const model: Model = {
      id: "slow-finish",
      generate: (request) =>
        request.temperature === 0
          ? slowDown(inner, /./, 10_000).generate(request)
          : slowDown(inner, /^expand /, 10_000).generate(request),
    };
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy,
      budget: { time: 200, reserve: 0.5 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.usage.elapsedMs).toBeLessThan(10_000);
  });
});
