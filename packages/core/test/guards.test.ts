import {
  createSearch,
  DeliberateError,
  parseTree,
  type SearchEvent,
  think,
  thinkMany,
  thinkStream,
} from "@deliberate/core";
import type { Guard } from "@deliberate/core/plugins";
import { describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

const strategy = { name: "beam" as const, width: 2, branching: 2 };

/** A guard that flags every input, and counts the inputs it saw. */
function flagging(
  name: string,
  reason = "Expected no input, got one.",
): Guard & { seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    seen,
    check: (input) => {
      seen.push(input);
      return { ok: false, reason, measurement: { characters: input.length } };
    },
  };
}

function passing(name: string, measurement?: Record<string, unknown>): Guard & { seen: string[] } {
  const seen: string[] = [];
  return {
    name,
    seen,
    check: async (input) => {
      seen.push(input);
      return measurement ? { ok: true, measurement } : { ok: true };
    },
  };
}

const guardedEvents = (events: readonly SearchEvent[]) =>
  events.filter((event) => event.type === "guarded");

describe("guards on think", () => {
  it("stops a blocked question before any model call, with the verdict in the result and the tree", async () => {
    const model = createGraphModel(trapGraph);
    const first = passing("first", { tokens: 12 });
    const blocker = flagging("blocker", "Expected at most 5 characters, got 13.");
    const after = passing("after");
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy,
      guards: [first, blocker, after],
    });
    expect(result.stopReason).toBe("blocked");
    expect(model.calls).toBe(0);
    expect(result.answer).toBeUndefined();
    expect(result.blocked).toEqual({
      guard: "blocker",
      verdict: "block",
      reason: "Expected at most 5 characters, got 13.",
      measurement: { characters: 13 },
    });
    // Each guard sees the question; the one after the block is never run.
    expect(first.seen).toEqual(["Find the goal"]);
    expect(blocker.seen).toEqual(["Find the goal"]);
    expect(after.seen).toEqual([]);
    expect(result.tree.events.map((event) => event.type)).toEqual([
      "started",
      "guarded",
      "guarded",
      "stopped",
    ]);
    expect(guardedEvents(result.tree.events)).toMatchObject([
      { guard: "first", verdict: "pass", measurement: { tokens: 12 } },
      { guard: "blocker", verdict: "block", reason: "Expected at most 5 characters, got 13." },
    ]);
    expect(result.tree.stopReason).toBe("blocked");
    expect(result.tree.nodes).toHaveLength(1);
    // The tree with its verdicts is a valid tree, through JSON.
    expect(parseTree(JSON.parse(JSON.stringify(result.tree)))).toEqual(result.tree);
  });

  it("records a flagged input as a warning and thinks anyway when the entry says warn", async () => {
    const model = createGraphModel(trapGraph);
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy,
      guards: [{ guard: flagging("suspicious", "Expected plain text, got hex."), onFlag: "warn" }],
    });
    expect(result.stopReason).toBe("solved");
    expect(result.answer).toBe("42");
    expect(result.blocked).toBeUndefined();
    expect(model.calls).toBeGreaterThan(0);
    const types = result.tree.events.map((event) => event.type);
    expect(types.slice(0, 3)).toEqual(["started", "guarded", "selected"]);
    expect(guardedEvents(result.tree.events)).toEqual([
      expect.objectContaining({
        guard: "suspicious",
        verdict: "warn",
        reason: "Expected plain text, got hex.",
      }),
    ]);
  });

  it("records every passing verdict and searches as without guards", async () => {
    const plain = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
    });
    const guarded = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      guards: [
        passing("a", {
          perplexity: Number.POSITIVE_INFINITY,
          kind: "perplexity",
          nested: { x: 1 },
        }),
        { guard: passing("b"), onFlag: "block" },
      ],
    });
    expect(guarded.answer).toBe(plain.answer);
    expect(guarded.tree.nodes.map((node) => node.text)).toEqual(
      plain.tree.nodes.map((node) => node.text),
    );
    // A number JSON cannot hold is kept as its name; nested values are left out.
    expect(guardedEvents(guarded.tree.events)).toEqual([
      expect.objectContaining({
        guard: "a",
        verdict: "pass",
        measurement: { perplexity: "Infinity", kind: "perplexity" },
      }),
      expect.objectContaining({ guard: "b", verdict: "pass" }),
    ]);
    expect(guardedEvents(plain.tree.events)).toEqual([]);
  });

  it("fails, naming the guard, when a guard throws or answers no verdict — and calls no model", async () => {
    for (const [guard, message] of [
      [
        {
          name: "broken",
          check: () => {
            throw new Error("scorer gone");
          },
        },
        "Expected a verdict from the broken guard, got an error: scorer gone",
      ],
      [
        { name: "sloppy", check: () => ({ ok: false }) as never },
        "Expected a verdict { ok: true } or { ok: false, reason } from the sloppy guard, got",
      ],
    ] as const) {
      const model = createGraphModel(trapGraph);
      const result = await think(createGraphTask(trapGraph), { model, strategy, guards: [guard] });
      expect(result.stopReason).toBe("failed");
      expect(result.error).toContain(message);
      expect(model.calls).toBe(0);
    }
  });

  it("cancels a guard still checking, and hands it the search's signal", async () => {
    let signal: AbortSignal | undefined;
    const slow: Guard = {
      name: "slow",
      check: (_input, options) =>
        new Promise((resolve) => {
          signal = options?.signal;
          setTimeout(() => resolve({ ok: true }), 5_000).unref();
        }),
    };
    const model = createGraphModel(trapGraph);
    const search = createSearch(createGraphTask(trapGraph), { model, strategy, guards: [slow] });
    search.start();
    expect(search.status()).toBe("searching");
    await new Promise((resolve) => setTimeout(resolve, 20));
    search.cancel();
    const result = await search.result;
    expect(result.stopReason).toBe("cancelled");
    expect(signal?.aborted).toBe(true);
    expect(model.calls).toBe(0);
  });

  it("streams the verdicts as events, and guards each question of thinkMany", async () => {
    const types: string[] = [];
    for await (const item of thinkStream(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      guards: [flagging("no")],
    })) {
      types.push(item.type === "result" ? `result:${item.result.stopReason}` : item.type);
    }
    expect(types).toEqual(["started", "guarded", "stopped", "result:blocked"]);

    const blockLong: Guard = {
      name: "short",
      check: (input) =>
        input.length > 20 ? { ok: false, reason: "Expected a short question." } : { ok: true },
    };
    const many = await thinkMany(["Find the goal", "Find the goal, and be quick"], {
      model: createGraphModel(trapGraph),
      strategy,
      budget: "5s",
      guards: [blockLong],
    });
    expect(many.results.map((result) => result.stopReason)).toEqual([
      expect.not.stringMatching(/^blocked$/),
      "blocked",
    ]);
  });

  it("does not guard a resumed search again", async () => {
    const model = createGraphModel(trapGraph, { latencyMs: 5 });
    const guard = passing("once");
    const search = createSearch(createGraphTask(trapGraph), { model, strategy, guards: [guard] });
    search.start();
    const snapshot = await search.pause();
    search.cancel();
    const again = createSearch(
      createGraphTask(trapGraph),
      { model, strategy, guards: [guard] },
      { snapshot },
    );
    again.start();
    const result = await again.result;
    expect(guard.seen).toHaveLength(1);
    expect(guardedEvents(result.tree.events)).toHaveLength(1);
  });
});

describe("the guards option", () => {
  const model = createGraphModel(trapGraph);
  const good = passing("good");
  const cases: [unknown, string, RegExp][] = [
    ["length", "guards", /expected a list of guards, got "length"/],
    [["length"], "guards.0", /expected a guard \{ name, check\(input\) \} or \{ guard, onFlag/],
    [[good, {}], "guards.1", /expected a guard \{ name, check\(input\) \}/],
    [[{ name: " ", check: () => ({ ok: true }) }], "guards.0.name", /not blank, got " "/],
    [[{ name: "x", check: "yes" }], "guards.0.check", /a function check\(input\)/],
    [[{ guard: good, onFlag: "stop" }], "guards.0.onFlag", /one of "block", "warn", got "stop"/],
    [[{ guard: {} }], "guards.0.guard.name", /not blank/],
    [[{ guard: good, when: "always" }], "guards.0.when", /only guard and onFlag/],
  ];
  for (const [guards, field, message] of cases) {
    it(`refuses guards: ${JSON.stringify(guards)} naming ${field}`, () => {
      let caught: unknown;
      try {
        createSearch("Is 91 prime?", { model, guards: guards as never });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DeliberateError);
      expect(caught).toMatchObject({ code: "INVALID_OPTION", field });
      expect((caught as Error).message).toMatch(message);
    });
  }
});
