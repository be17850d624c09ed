import { createQuestionTask, type StrategyOption, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import {
  createGraphModel,
  createGraphTask,
  type GraphSpec,
  trapGraph,
} from "./helpers/graph-task.js";

const searches: StrategyOption[] = [
  { name: "beam", width: 2, branching: 2 },
  { name: "dfs", branching: 2, threshold: 0.4 },
  { name: "best-first", branching: 2 },
  { name: "mcts", branching: 2 },
];

describe("System 1 baselines", () => {
  it("greedy follows the first move everywhere and falls into the trap", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: "greedy",
    });
    expect(result.answer).toBe("7");
    expect(result.verified).toBe(false);
    // An answer the verifier rejects is no solution.
    expect(result.stopReason).toBe("exhausted");
    expect(result.best.path.map((step) => step.text)).toEqual(["left", "left-end"]);
  });

  it("never calls an answer no verifier checked solved", async () => {
    const model = createScriptedModel({ rules: [{ match: /.*/s, reply: "Final answer: 5" }] });
    const result = await think(createQuestionTask("What is two plus three?"), {
      model,
      strategy: "greedy",
    });
    expect(result.answer).toBe("5");
    expect(result.verified).toBeUndefined();
    expect(result.stopReason).toBe("exhausted");
  });

  it("greedy decodes at temperature 0 whatever the search's temperature", async () => {
    const model = createGraphModel(trapGraph);
    const temperatures: number[] = [];
    const spy = {
      ...model,
      id: "spy",
      generate: (request: Parameters<typeof model.generate>[0]) => {
        temperatures.push(request.temperature ?? -1);
        return model.generate(request);
      },
    };
    await think(createGraphTask(trapGraph), { model: spy, strategy: "greedy", temperature: 1.2 });
    expect(new Set(temperatures)).toEqual(new Set([0]));
  });

  it("sample runs one chain without evaluating", async () => {
    const model = createGraphModel(trapGraph);
    const result = await think(createGraphTask(trapGraph), { model, strategy: "sample" });
    expect(
      result.tree.nodes.every((node) => node.scores.every((score) => score.source === "verifier")),
    ).toBe(true);
    expect(result.answer).toBeDefined();
  });
});

describe.each(searches)("strategy %o", (strategy) => {
  it("escapes the trap that greedy falls into and finds the verified answer", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
    });
    expect(result.answer).toBe("42");
    expect(result.verified).toBe(true);
    expect(result.stopReason).toBe("solved");
    expect(result.best.path.map((step) => step.text)).toEqual(["right", "right-mid", "right-goal"]);
  });

  it("stops exhausted when no path reaches an answer", async () => {
    const dead: GraphSpec = { edges: { root: ["a", "b"], a: ["c"] }, goals: {}, correct: "1" };
    const result = await think(createGraphTask(dead), { model: createGraphModel(dead), strategy });
    expect(result.answer).toBeUndefined();
    expect(result.stopReason).toBe("exhausted");
  });
});

describe("beam", () => {
  it("keeps at most `width` states per depth and prunes the rest with a reason", async () => {
    const wide: GraphSpec = {
      edges: { root: ["a", "b", "c", "d"], a: ["a1"], b: ["b1"], c: ["c1"], d: ["d1"] },
      goals: { d1: "yes" },
      correct: "yes",
      judgements: { a: "impossible", b: "likely", c: "impossible", d: "sure" },
    };
    const result = await think(createGraphTask(wide), {
      model: createGraphModel(wide),
      strategy: { name: "beam", width: 2, branching: 4 },
    });
    const depthOne = result.tree.nodes.filter((node) => node.depth === 1);
    expect(
      depthOne
        .filter((node) => node.status === "pruned")
        .map((node) => node.text)
        .sort(),
    ).toEqual(["a", "c"]);
    expect(depthOne.find((node) => node.text === "a")?.reason).toMatch(/not among the best 2/);
    expect(result.answer).toBe("yes");
  });

  it("prunes a child that repeats a sibling instead of expanding it twice", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: { name: "beam", width: 2, branching: 3 },
    });
    const repeats = result.tree.nodes.filter((node) => node.reason?.startsWith("repeats sibling"));
    expect(repeats.length).toBeGreaterThan(0);
    expect(repeats.every((node) => node.status === "pruned")).toBe(true);
  });
});

describe.each(searches)("state keys with strategy %o", (strategy) => {
  // a and b both lead to the state "m" (as m1 and m2): the second copy is not searched again.
  const transposed: GraphSpec = {
    edges: { root: ["a", "b"], a: ["m1"], b: ["m2"], m1: ["goal"], m2: ["goal"] },
    goals: { goal: "42" },
    correct: "42",
    judgements: { a: "likely", b: "likely", m1: "likely", m2: "likely" },
    keys: { m1: "m", m2: "m" },
  };

  it("prunes a node that reaches the state of an earlier live node, and still answers", async () => {
    const result = await think(createGraphTask(transposed), {
      model: createGraphModel(transposed),
      strategy,
      stopOnSolution: false,
    });
    const copies = result.tree.nodes.filter(
      (node) =>
        (node.text === "m1" || node.text === "m2") && !node.reason?.startsWith("repeats sibling"),
    );
    expect(copies).toHaveLength(2);
    const [first, second] = copies;
    expect(second?.status).toBe("pruned");
    expect(second?.reason).toBe(`reaches the same state as node ${first?.id}`);
    expect(result.tree.nodes.some((node) => node.parent === second?.id)).toBe(false);
    expect(result.answer).toBe("42");
  });

  it("searches both copies when the task gives no state key", async () => {
    const { keys: _keys, ...unkeyed } = transposed;
    const result = await think(createGraphTask(unkeyed), {
      model: createGraphModel(unkeyed),
      strategy,
      stopOnSolution: false,
    });
    expect(
      result.tree.nodes.some((node) => node.reason?.startsWith("reaches the same state")),
    ).toBe(false);
  });
});

describe("dfs", () => {
  it("never enters a child scored below the threshold", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: { name: "dfs", branching: 2, threshold: 0.4 },
    });
    const left = result.tree.nodes.find((node) => node.text === "left");
    expect(left?.status).toBe("pruned");
    expect(left?.reason).toMatch(/below the threshold 0.4/);
    expect(result.tree.nodes.some((node) => node.parent === left?.id)).toBe(false);
  });

  it("backtracks when a branch dies and finds the answer in the next", async () => {
    const spec: GraphSpec = {
      edges: { root: ["a", "b"], a: ["a1"], b: ["b1"] },
      goals: { b1: "ok" },
      correct: "ok",
      judgements: { a: "sure", b: "likely", a1: "likely" },
    };
    const result = await think(createGraphTask(spec), {
      model: createGraphModel(spec),
      strategy: { name: "dfs", branching: 2 },
    });
    const order = result.tree.events
      .filter((event) => event.type === "selected")
      .map((event) => (event.type === "selected" ? event.ids : []));
    const text = (id: number) => result.tree.nodes[id]?.text;
    expect(order.map((ids) => text(ids[0] ?? 0))).toEqual(["Find the goal", "a", "a1", "b"]);
    expect(result.answer).toBe("ok");
  });
});

describe("mcts", () => {
  it("descends from the root every step and records visits", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: { name: "mcts", branching: 2 },
    });
    const selected = result.tree.events.filter((event) => event.type === "selected");
    expect(selected.length).toBeGreaterThan(1);
    expect(result.tree.nodes[0]?.visits).toBeGreaterThanOrEqual(selected.length);
    const right = result.tree.nodes.find((node) => node.text === "right");
    const left = result.tree.nodes.find((node) => node.text === "left");
    expect(right?.visits ?? 0).toBeGreaterThanOrEqual(left?.visits ?? 0);
  });
});

describe("best-of-n and self-consistency", () => {
  const fork: GraphSpec = {
    edges: { root: ["a", "b", "c"], a: ["x"], b: ["y"], c: ["z"] },
    goals: { x: "10", y: "20", z: "10" },
    judgements: { x: "likely", y: "sure", z: "impossible" },
  };

  it("best-of-n answers with the best-scored of its samples", async () => {
    const result = await think(createGraphTask(fork), {
      model: createGraphModel(fork),
      strategy: { name: "best-of-n", samples: 3 },
    });
    expect(result.answer).toBe("20");
  });

  it("self-consistency answers with the answer most samples reach", async () => {
    const result = await think(createGraphTask(fork), {
      model: createGraphModel(fork),
      strategy: { name: "self-consistency", samples: 3 },
    });
    expect(result.answer).toBe("10");
  });

  it("best-of-n with a verifier stops at the first verified answer", async () => {
    const result = await think(createGraphTask({ ...fork, correct: "20" }), {
      model: createGraphModel(fork),
      strategy: { name: "best-of-n", samples: 3 },
    });
    expect(result.answer).toBe("20");
    expect(result.verified).toBe(true);
  });
});

describe("propose generator", () => {
  it("turns one proposal reply into several children", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      generator: "propose",
      strategy: { name: "beam", width: 1, branching: 2 },
    });
    expect(result.answer).toBe("42");
    const firstCall = result.tree.nodes
      .filter((node) => node.parent === 0)
      .map((node) => node.text);
    expect(firstCall).toEqual(["left", "right"]);
  });
});
