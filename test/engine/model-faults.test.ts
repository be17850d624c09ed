import { type Model, parseTree, type Result, type ThinkOptions, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { loadModel } from "@deliberate/llama";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultPlan, failAtRandom, injectFaults } from "./helpers/fault-model.js";

const QUESTION = "What is 6 * 7?";

/** The scripted model: steps, then an answer; every judgement "likely". */
function createScripted(): Model {
  return createScriptedModel({
    rules: [
      { match: /Judgement:$/, reply: "likely" },
      { match: /6 \* 7 is 42/, reply: "Final answer: 42" },
      { match: /./, reply: ["6 * 7 is 42", "six sevens are 42"] },
    ],
    scoreOptions: (_prompt, options) => options.map(() => 1 / options.length),
  });
}

/** A search small enough for synthetic:tiny on a shared machine, deterministic by its seed. */
const SEARCH = {
  strategy: { name: "beam", width: 2, branching: 2 },
  maxDepth: 3,
  maxStepTokens: 12,
  evaluationSamples: 1,
  budget: { nodes: 11 },
  // The fixed shape only: a restart would add calls that a loaded machine may slow past a timeout.
  onExhausted: "stop",
  seed: 5,
  retries: 0,
} as const satisfies Omit<ThinkOptions, "model">;

const backends: [name: string, open: () => Promise<{ model: Model; close(): Promise<void> }>][] = [
  ["the scripted model", async () => ({ model: createScripted(), close: async () => {} })],
  [
    "synthetic:tiny",
    async () => {
      const model = await loadModel({ model: "synthetic:tiny", branches: 4, contextSize: 1024 });
      return { model, close: () => model.dispose() };
    },
  ],
];

const failed = (result: Result) => result.tree.nodes.filter((node) => node.status === "failed");

/** The failed attempts the tree recorded. */
const callsFailed = (result: Result) =>
  result.tree.events.flatMap((event) => (event.type === "callFailed" ? [event] : []));

describe.each(backends)("model faults on %s", (_name, open) => {
  let backend: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(() => backend.close());

  async function thinkWith(plan: FaultPlan, options: Partial<ThinkOptions> = {}) {
    const model = injectFaults(backend.model, plan);
    const result = await think(QUESTION, { ...SEARCH, ...options, model });
    // Whatever happened, the tree is whole: it survives JSON and the schema.
    expect(() => parseTree(JSON.parse(JSON.stringify(result.tree)))).not.toThrow();
    return { result, injected: model.injected };
  }

  it("stops as failed, naming the error, when every call throws", async () => {
    const { result } = await thinkWith(() => "throw", { retries: 1 });
    expect(result.stopReason).toBe("failed");
    expect(result.error).toMatch(/every model call failed.*injected fault/);
    expect(result.tree.nodes[0]).toMatchObject({ status: "failed" });
    expect(result.tree.nodes[0]?.reason).toMatch(/model call failed: injected fault/);
  });

  it("retries a call that throws once and searches on as if nothing happened", async () => {
    const { result } = await thinkWith((call) => (call === 0 ? "throw" : undefined), {
      retries: 1,
    });
    expect(result.stopReason).not.toBe("failed");
    expect(failed(result)).toEqual([]);
    expect(result.tree.nodes.length).toBeGreaterThan(3);
    // The retried failure is in the tree all the same.
    expect(callsFailed(result)).toEqual([
      expect.objectContaining({ call: "generate", attempt: 1, attempts: 2 }),
    ]);
  });

  it("finishes when 20% of calls throw at random, each failed expansion a failed node", async () => {
    // Seed 6 spares the first call (the root's expansion, without which nothing can follow).
    const coin = failAtRandom(0.2, 6);
    const { result, injected } = await thinkWith((call) => (coin(call) ? "throw" : undefined));
    const thrown = injected.filter((call) => call.fault === "throw");
    expect(thrown.length).toBeGreaterThan(0);
    expect(["budget", "exhausted", "solved"]).toContain(result.stopReason);
    const generateThrows = thrown.filter((call) => call.kind === "generate").length;
    expect(failed(result)).toHaveLength(generateThrows);
    for (const node of failed(result)) expect(node.reason).toMatch(/injected fault/);
    // Every failure is in the tree, the value judgments' too, in the order they happened.
    expect(callsFailed(result).map((event) => event.call)).toEqual(thrown.map((call) => call.kind));
    for (const event of callsFailed(result)) expect(event.error).toMatch(/injected fault/);
  });

  it("abandons a call that never answers after the call timeout and retries it", async () => {
    const { result } = await thinkWith((call) => (call === 0 ? "hang" : undefined), {
      callTimeout: 300,
      retries: 1,
    });
    expect(result.stopReason).not.toBe("failed");
    expect(failed(result)).toEqual([]);
  });

  it("records a call that never answers on any attempt as a failed node with the timeout", async () => {
    const { result } = await thinkWith(
      (_call, kind) => (kind === "generate" ? "hang" : undefined),
      {
        callTimeout: 200,
        retries: 1,
      },
    );
    expect(result.stopReason).toBe("failed");
    expect(result.tree.nodes[0]?.reason).toMatch(/did not answer within 200 ms/);
    expect(callsFailed(result).map((event) => event.attempt)).toEqual([1, 2]);
  });

  it.each([
    ["empty", "empty"],
    ["garbage", "garbage"],
    ["100 kB", "huge"],
  ] as const)(
    "finishes on %s replies, the raw text kept on invalid nodes",
    async (_what, fault) => {
      const { result } = await thinkWith((_call, kind) =>
        kind === "generate" ? fault : undefined,
      );
      expect(["budget", "exhausted"]).toContain(result.stopReason);
      const steps = result.tree.nodes.slice(1);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.every((node) => node.answer === undefined)).toBe(true);
      for (const node of steps.filter((n) => n.status === "invalid")) {
        expect(node.reason).toBeTruthy();
        expect(node.raw).toBeDefined();
      }
    },
  );

  it("stops at the deadline with what it found when every call is slow", async () => {
    const { result } = await thinkWith(() => "slow", {
      budget: { time: 700, reserve: 0 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("time");
    expect(result.usage.elapsedMs).toBeLessThan(10_000);
  });
});
