import { type SearchTree, type StrategyOption, think } from "@deliberate/core";
import { DEFAULT_THINK_TIME_MS } from "@deliberate/core/options";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../src/api/resolve-config.js";
import { checkThinkOptions } from "../src/options/parse-options.js";
import { createGraphModel, createGraphTask, type GraphSpec } from "./helpers/graph-task.js";

/** Twenty moves from the root; only the eighteenth leads on, to the goal. */
const wide: GraphSpec = {
  edges: {
    root: Array.from({ length: 20 }, (_, i) => `a${i}`),
    a17: ["a17-mid"],
    "a17-mid": ["goal"],
  },
  goals: { goal: "42" },
  correct: "42",
  maxDepth: 3,
};

/** A single pass finds this one: the first move everywhere leads to the goal. */
const easy: GraphSpec = {
  edges: { root: ["x", "y"], x: ["x-mid", "y"], "x-mid": ["goal"] },
  goals: { goal: "42" },
  correct: "42",
};

/** Finite and without the goal: every state is reached within a few rounds. */
const dead: GraphSpec = {
  edges: { root: ["a", "b", "c"], a: ["a1", "a2"], b: ["b1"] },
  goals: {},
  correct: "1",
  maxDepth: 3,
};

function restarts(tree: SearchTree) {
  return tree.events.filter((event) => event.type === "restarted");
}

describe("anytime (the default strategy)", () => {
  it("answers at a single pass's cost when the greedy chain reaches a verified answer", async () => {
    const [anytime, greedy] = await Promise.all(
      [undefined, "greedy" as const].map((strategy) =>
        think(createGraphTask(easy), {
          model: createGraphModel(easy),
          ...(strategy ? { strategy } : {}),
          budget: { time: "10s" },
        }),
      ),
    );
    expect(anytime?.stopReason).toBe("solved");
    expect(anytime?.answer).toBe("42");
    expect(anytime?.usage.calls).toBe(greedy?.usage.calls);
    expect(
      anytime?.tree.nodes.every((node) => node.scores.every((s) => s.source === "verifier")),
    ).toBe(true);
  });

  it("grows with the time it has: a goal only a wide tree reaches is found given more time, not given less", async () => {
    const run = (time: string) =>
      think(createGraphTask(wide), {
        model: createGraphModel(wide, { bySeed: true, latencyMs: 25 }),
        budget: { time },
      });
    // Timers never fire early: 25 ms a call leaves 100 ms room for a few calls, never a wide tree.
    const less = await run("100ms");
    expect(less.verified).not.toBe(true);
    const more = await run("20s");
    expect(more.stopReason).toBe("solved");
    expect(more.answer).toBe("42");
    expect(restarts(more.tree).length).toBeGreaterThanOrEqual(1);
  });

  it("asks a state it entered in an earlier round for more children, twice as many", async () => {
    const result = await think(createGraphTask(wide), {
      model: createGraphModel(wide, { bySeed: true }),
      strategy: { name: "anytime", branching: 2 },
      budget: { nodes: 40 },
    });
    const rootSelections = result.tree.events.filter(
      (event) => event.type === "selected" && event.ids.includes(0),
    );
    expect(rootSelections.length).toBeGreaterThanOrEqual(3);
    const asked = result.tree.nodes.filter((node) => node.parent === 0).length;
    // Probe 1, then 2, 4, …: the root's children grow round after round.
    expect(asked).toBeGreaterThanOrEqual(1 + 2 + 4);
  });

  it("stops exhausted, well inside its budget, once two rounds in a row find no new state", async () => {
    const result = await think(createGraphTask(dead), {
      model: createGraphModel(dead, { bySeed: true }),
      budget: { time: "60s" },
    });
    expect(result.stopReason).toBe("exhausted");
    expect(result.answer).toBeUndefined();
    const states = new Set(result.tree.nodes.map((node) => node.text));
    for (const state of ["a", "b", "c", "a1", "a2", "b1"]) expect(states).toContain(state);
  });

  it("samples a state hotter after expansions that found nothing new, then no more", async () => {
    const temperatures: number[] = [];
    const model = createGraphModel(dead, { bySeed: true });
    const spy = {
      ...model,
      generate: (request: Parameters<typeof model.generate>[0]) => {
        const text = request.segments.map((segment) => segment.text).join("");
        if (text === "expand b") temperatures.push(request.temperature ?? -1);
        return model.generate(request);
      },
    };
    const result = await think(createGraphTask(dead), {
      model: spy,
      strategy: { name: "anytime", branching: 1, probe: false, rollouts: false },
      budget: { time: "60s" },
    });
    expect(result.stopReason).toBe("exhausted");
    // The first finds b1; the next three find only b1 again, each hotter (0.5 above its round's
    // temperature a time it found nothing, up to 2); then b is spent.
    expect(temperatures, JSON.stringify(temperatures)).toHaveLength(4);
    expect(temperatures[0]).toBeLessThanOrEqual(1.5);
    expect(temperatures[3]).toBe(2);
    for (let i = 1; i < 4; i += 1) {
      expect(temperatures[i] ?? 0).toBeGreaterThanOrEqual(temperatures[i - 1] ?? 0);
    }
  });

  it("prunes children below its threshold and never enters them", async () => {
    const judged: GraphSpec = {
      ...wide,
      judgements: Object.fromEntries(wide.edges.root?.map((state) => [state, "impossible"]) ?? []),
    };
    const result = await think(createGraphTask(judged), {
      model: createGraphModel(judged, { bySeed: true }),
      strategy: { name: "anytime", branching: 4, threshold: 0.05, rollouts: false },
      budget: { nodes: 30 },
    });
    const pruned = result.tree.nodes.filter((node) => node.reason?.includes("below the threshold"));
    expect(pruned.length).toBeGreaterThan(0);
    const selected = new Set(
      result.tree.events.flatMap((event) => (event.type === "selected" ? event.ids : [])),
    );
    for (const node of pruned) expect(selected.has(node.id)).toBe(false);
  });

  it("sends rollouts that walk through known states and grow the tree where their samples are new", async () => {
    const chain: GraphSpec = {
      edges: { root: ["a", "b"], a: ["a1", "a2"], b: ["b1", "b2"], a1: ["a1-end"], b2: ["goal"] },
      goals: { "a1-end": "1", goal: "42" },
      correct: "42",
      maxDepth: 3,
    };
    const result = await think(createGraphTask(chain), {
      model: createGraphModel(chain, { bySeed: true }),
      strategy: { name: "anytime", branching: 2, probe: false },
      budget: { time: "20s" },
    });
    expect(result.stopReason).toBe("solved");
    // Found by the rollouts, before any value judgment: the first round's rollouts score nothing.
    const judged = result.tree.nodes.filter((node) =>
      node.scores.some((score) => score.source === "value"),
    );
    expect(judged).toEqual([]);
    // A rollout that meets a known state goes on from it: no state is a node twice.
    const live = result.tree.nodes.filter((node) =>
      ["open", "expanded", "terminal"].includes(node.status),
    );
    const texts = live.map((node) => node.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("samples two continuations of a state two rollouts stand at, as two chains would", async () => {
    const sizes: number[] = [];
    const narrow: GraphSpec = { ...wide, edges: { ...wide.edges, root: ["a17"] } };
    const model = createGraphModel(narrow, { bySeed: true });
    const spy = {
      ...model,
      generate: (request: Parameters<typeof model.generate>[0]) => {
        const text = request.segments.map((segment) => segment.text).join("");
        if (text === "expand a17") sizes.push(request.n ?? 1);
        return model.generate(request);
      },
    };
    await think(createGraphTask(narrow), {
      model: spy,
      strategy: { name: "anytime", branching: 2, probe: false },
      budget: { time: "20s" },
    });
    // Eight rollouts all take the only move: a17 is asked for eight continuations at once.
    expect(sizes[0]).toBe(8);
  });
});

describe("the budget of a search given none", () => {
  const resolve = (strategy?: StrategyOption) => {
    const checked = checkThinkOptions({
      model: createGraphModel(easy),
      ...(strategy ? { strategy } : {}),
    });
    return resolveConfig(createGraphTask(easy), checked.options, checked.plugins).budget;
  };

  it("is the default think time for the default search, which grows into it", () => {
    expect(resolve().timeMs).toBe(DEFAULT_THINK_TIME_MS);
    expect(resolve("anytime").timeMs).toBe(DEFAULT_THINK_TIME_MS);
  });

  it("is no limit for a fixed strategy, which runs its shape once", () => {
    expect(resolve("beam")).toEqual({ reserve: 0.1 });
    expect(resolve({ name: "best-of-n", samples: 4 })).toEqual({ reserve: 0.1 });
  });
});
