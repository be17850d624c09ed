import { think } from "@deliberate/core";
import { emptyModelUsage } from "@deliberate/core/model";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import {
  createGraphModel,
  createGraphTask,
  type GraphSpec,
  trapGraph,
} from "./helpers/graph-task.js";

const beam = { name: "beam" as const, width: 2, branching: 2 };

describe("value evaluator", () => {
  it("averages sampled judgements and records what was said", async () => {
    const spec: GraphSpec = { edges: { root: ["a"], a: ["goal"] }, goals: { goal: "1" } };
    const model = createScriptedModel({
      rules: [
        { match: /^value of a$/, reply: ["sure", "likely", "nonsense"] },
        { match: /^value of/, reply: "likely" },
        { match: /^expand root/, reply: "a" },
        { match: /^expand a/, reply: "goal" },
      ],
    });
    const result = await think(createGraphTask(spec), {
      model,
      strategy: { name: "beam", width: 1, branching: 1 },
      evaluationSamples: 3,
    });
    const a = result.tree.nodes.find((node) => node.text === "a");
    expect(a?.score).toBeCloseTo(0.75);
    expect(a?.scores[0]).toMatchObject({
      source: "value",
      detail: expect.stringContaining("2/3 parsed"),
    });
  });

  it("uses the model's probabilities of the scale words when it can give them", async () => {
    const spec: GraphSpec = { edges: { root: ["a"], a: ["goal"] }, goals: { goal: "1" } };
    const model = createScriptedModel({
      rules: [
        { match: /^expand root/, reply: "a" },
        { match: /^expand a/, reply: "goal" },
      ],
      scoreOptions: () => [0.5, 0.5, 0],
    });
    const result = await think(createGraphTask(spec), {
      model,
      strategy: { name: "beam", width: 1, branching: 1 },
    });
    const a = result.tree.nodes.find((node) => node.text === "a");
    expect(a?.score).toBeCloseTo(0.75);
    expect(a?.scores[0]?.detail).toContain("P(sure)=0.500");
  });

  it("asks once for states whose value prompt is identical", async () => {
    const spec: GraphSpec = { edges: { root: ["a", "b"], a: ["c"], b: ["c"] }, goals: {} };
    const prompts: string[] = [];
    const inner = createGraphModel(spec);
    const model = {
      id: "counting",
      generate: (request: Parameters<typeof inner.generate>[0]) => {
        prompts.push(request.segments.map((segment) => segment.text).join(""));
        return inner.generate(request);
      },
    };
    await think(createGraphTask(spec), { model, strategy: beam });
    expect(prompts.filter((prompt) => prompt === "value of c")).toHaveLength(1);
  });
});

describe("vote evaluator", () => {
  it("scores siblings by their share of the votes", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: beam,
      evaluator: { name: "vote", samples: 4 },
    });
    const right = result.tree.nodes.find((node) => node.text === "right");
    const left = result.tree.nodes.find((node) => node.text === "left");
    expect(right?.score).toBe(1);
    expect(left?.score).toBe(0);
    expect(right?.scores[0]).toMatchObject({ source: "vote", detail: "4/4 votes" });
    expect(result.answer).toBe("42");
  });

  it("reads the vote from the probability of each choice's number, with one call a group", async () => {
    const inner = createGraphModel(trapGraph);
    const sampledVotes: string[] = [];
    const scored: string[] = [];
    const model = {
      ...inner,
      id: "graph-scoring",
      generate: (request: Parameters<typeof inner.generate>[0]) => {
        const prompt = request.segments.map((segment) => segment.text).join("");
        if (prompt.startsWith("vote among")) sampledVotes.push(prompt);
        return inner.generate(request);
      },
      // "right" is choice 2 at the root: the model gives its number 0.8.
      async scoreOptions(request: { segments: { text: string }[]; options: readonly string[] }) {
        const prompt = request.segments.map((segment) => segment.text).join("");
        scored.push(prompt);
        const candidates = prompt.slice("vote among ".length).split(" from ")[0]?.split(",") ?? [];
        const weights = candidates.map((state) => (state === "right" ? 4 : 1));
        return {
          probabilities: request.options.map((_, index) => weights[index] ?? 0),
          usage: { ...emptyModelUsage, promptTokens: 1, evaluatedPromptTokens: 1 },
        };
      },
    };
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy: beam,
      evaluator: { name: "vote", probabilities: true },
    });
    const right = result.tree.nodes.find((node) => node.text === "right");
    const left = result.tree.nodes.find((node) => node.text === "left");
    expect(right?.score).toBeCloseTo(0.8);
    expect(left?.score).toBeCloseTo(0.2);
    expect(right?.scores[0]).toMatchObject({ source: "vote", detail: "P(choice 2) = 0.800" });
    expect(scored.length).toBeGreaterThan(0);
    expect(scored.every((prompt) => prompt.endsWith("number of the best choice only.\n"))).toBe(
      true,
    );
    expect(sampledVotes).toEqual([]);
    expect(result.answer).toBe("42");
  });
});

describe("confidence evaluator", () => {
  it("scores a step by the geometric mean probability of its tokens", async () => {
    const model = createScriptedModel({
      rules: [{ match: /.*/, reply: "one two" }],
      logprob: Math.log(0.5),
    });
    const result = await think("q", {
      model,
      evaluator: "confidence",
      strategy: { name: "beam", width: 1, branching: 1 },
      maxDepth: 1,
    });
    expect(result.tree.nodes[1]?.score).toBeCloseTo(0.5);
    expect(result.tree.nodes[1]?.scores[0]?.source).toBe("confidence");
  });
});

describe("verifier evaluator", () => {
  it("scores states exactly with the given function and no model call", async () => {
    const model = createGraphModel(trapGraph);
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy: beam,
      evaluator: {
        name: "verifier",
        verify: (node) => (String(node.state).startsWith("right") ? 1 : 0),
      },
    });
    expect(result.answer).toBe("42");
    expect(result.tree.nodes.find((node) => node.text === "left")?.scores[0]).toEqual({
      source: "verifier",
      value: 0,
    });
  });
});

describe("combined evaluators", () => {
  it("ranks by the weighted mean and keeps every part's score", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: beam,
      evaluator: {
        name: "combine",
        parts: [
          { evaluator: "value", weight: 3 },
          { evaluator: { name: "verifier", verify: () => 0 }, weight: 1 },
        ],
      },
    });
    const right = result.tree.nodes.find((node) => node.text === "right");
    expect(right?.scores.map((score) => score.source)).toEqual(["value", "verifier", "combined"]);
    expect(right?.score).toBeCloseTo(0.75);
  });
});

describe("exact verdicts", () => {
  it("prunes a state the verifier rules out, and ranks unscored states above it", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: { name: "beam", width: 2, branching: 2 },
      evaluator: {
        name: "verifier",
        verify: (node) => (String(node.state).startsWith("left") ? 0 : undefined),
      },
    });
    const left = result.tree.nodes.find((node) => node.text === "left");
    expect(left?.status).toBe("pruned");
    expect(left?.reason).toMatch(/verifier rules out/);
    expect(result.answer).toBe("42");
  });

  it("scores the prompt's own choices when it constrains the value answer", async () => {
    const asked: string[][] = [];
    const model = createScriptedModel({
      rules: [{ match: /^expand root/, reply: "a" }],
      scoreOptions: (_prompt, options) => {
        asked.push([...options]);
        return options.map(() => 1 / options.length);
      },
    });
    const spec: GraphSpec = { edges: { root: ["a"] }, goals: {} };
    const task = createGraphTask(spec);
    const constrained = {
      ...task,
      valuePrompt: (node: Parameters<NonNullable<typeof task.valuePrompt>>[0]) => ({
        segments: [{ text: `value of ${node.state}\n`, trusted: true }],
        constraint: { kind: "choice" as const, options: ["sure", "likely", "impossible"] },
      }),
    };
    await think(constrained, {
      model,
      strategy: { name: "beam", width: 1, branching: 1 },
      maxDepth: 1,
    });
    expect(asked[0]).toEqual(["sure", "likely", "impossible"]);
  });
});
