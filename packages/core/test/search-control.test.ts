import { createSearch, type SearchEvent, think, thinkStream } from "@deliberate/core";
import { describe, expect, it, vi } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

const strategy = { name: "beam" as const, width: 2, branching: 2 };

describe("cancel", () => {
  it("stops a running search through its AbortSignal and keeps the tree so far", async () => {
    const controller = new AbortController();
    const model = createGraphModel(trapGraph, { latencyMs: 30 });
    const pending = think(createGraphTask(trapGraph), {
      model,
      strategy,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.stopReason).toBe("cancelled");
    expect(result.tree.nodes.length).toBeGreaterThan(1);
    expect(result.tree.events.at(-1)).toMatchObject({ type: "stopped", stopReason: "cancelled" });
  });

  it("answers at once for a signal aborted before the start, with no model call", async () => {
    const model = createGraphModel(trapGraph);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const result = await think(createGraphTask(trapGraph), {
        model,
        strategy,
        signal: AbortSignal.abort(),
      });
      expect(result.stopReason).toBe("cancelled");
      expect(model.calls).toBe(0);
      // `think` starts the search after the signal ended it: that start is no event to warn of.
      expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it("keeps the best answer found before the cancel", async () => {
    const model = createGraphModel(trapGraph, { latencyMs: 20 });
    const search = createSearch(createGraphTask(trapGraph), {
      model,
      strategy: "best-of-n" as const,
      stopOnSolution: false,
    });
    search.subscribe((event) => {
      if (event.type === "solution") search.cancel();
    });
    search.start();
    const result = await search.result;
    expect(result.stopReason).toBe("cancelled");
    expect(result.answer).toBeDefined();
  });
});

describe("pause and resume", () => {
  it("pauses after the step in flight and resumes to the same answer", async () => {
    const model = createGraphModel(trapGraph, { latencyMs: 5 });
    const search = createSearch(createGraphTask(trapGraph), { model, strategy });
    search.start();
    await new Promise((resolve) => setTimeout(resolve, 12));
    const snapshot = await search.pause();
    expect(search.status()).toBe("paused");
    const nodesWhenPaused = search.tree().nodes.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(search.tree().nodes.length).toBe(nodesWhenPaused);
    expect(snapshot.tree.nodes.length).toBe(nodesWhenPaused);
    search.resume();
    const result = await search.result;
    expect(result.answer).toBe("42");
    const types = result.tree.events.map((event) => event.type);
    expect(types).toContain("paused");
    expect(types).toContain("resumed");
  });

  it("resumes a saved snapshot in a new search, as another process would, to the result of an uninterrupted run", async () => {
    const uninterrupted = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
    });
    const first = createSearch(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph, { latencyMs: 5 }),
      strategy,
    });
    first.start();
    await new Promise((resolve) => setTimeout(resolve, 8));
    const saved = JSON.parse(JSON.stringify(await first.pause()));
    first.cancel();
    const second = createSearch(
      createGraphTask(trapGraph),
      { model: createGraphModel(trapGraph), strategy },
      { snapshot: saved },
    );
    second.start();
    const result = await second.result;
    expect(result.answer).toBe(uninterrupted.answer);
    expect(result.tree.nodes.map((node) => node.text)).toEqual(
      uninterrupted.tree.nodes.map((node) => node.text),
    );
  });

  it("refuses a snapshot of another task", async () => {
    const search = createSearch(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
    });
    const snapshot = await search.pause();
    const other = { ...createGraphTask(trapGraph), question: "Another question" };
    expect(() => createSearch(other, { model: createGraphModel(trapGraph) }, { snapshot })).toThrow(
      /not of task/,
    );
  });

  it("does not count paused time against the think-time budget", async () => {
    const model = createGraphModel(trapGraph, { latencyMs: 5 });
    const search = createSearch(createGraphTask(trapGraph), {
      model,
      strategy,
      budget: { time: 5_000 },
    });
    search.start();
    await search.pause();
    const before = search.tree().events.length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    search.resume();
    const result = await search.result;
    expect(result.tree.events.length).toBeGreaterThan(before);
    const paused = result.tree.events.find((event) => event.type === "paused") as SearchEvent;
    const resumed = result.tree.events.find((event) => event.type === "resumed") as SearchEvent;
    expect(resumed.t - paused.t).toBeLessThan(50);
  });
});

describe("events", () => {
  it("streams every event, then the result", async () => {
    const items = [];
    for await (const item of thinkStream(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
    }))
      items.push(item);
    const last = items.at(-1);
    expect(last?.type).toBe("result");
    const result = last?.type === "result" ? last.result : undefined;
    expect(items.slice(0, -1)).toEqual(result?.tree.events);
  });

  it("cancels the search when the stream is left early", async () => {
    const model = createGraphModel(trapGraph, { latencyMs: 10 });
    let seen = 0;
    for await (const item of thinkStream(createGraphTask(trapGraph), { model, strategy })) {
      seen += 1;
      if (item.type === "created") break;
    }
    const callsAfterBreak = model.calls;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(model.calls).toBe(callsAfterBreak);
    expect(seen).toBeGreaterThan(0);
  });

  it("calls onEvent for every event, in order, and survives a throwing listener", async () => {
    const seqs: number[] = [];
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      onEvent: (event) => {
        seqs.push(event.seq);
        throw new Error("listener bug");
      },
    });
    expect(seqs).toEqual(result.tree.events.map((event) => event.seq));
    expect(result.answer).toBe("42");
  });
});
