import { think } from "@deliberate/core";
import { type LlamaModel, loadModel } from "@deliberate/llama";
import { createGame24Task } from "@deliberate/tasks";
import { game24Check } from "@deliberate/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let model: LlamaModel;

beforeAll(async () => {
  // Room for every branch of a step (width 2 × branching 3): no branch evicts another's cache.
  model = await loadModel({ model: "synthetic:tiny", branches: 6 });
});

afterAll(async () => {
  await model?.dispose();
});

describe("think on the real llama.cpp", () => {
  it("searches a question and evaluates each shared prefix once", async () => {
    const result = await think("Name a colour of the sky.", {
      model,
      // Confidence costs no call of its own: every prompt below is a step prompt.
      evaluator: "confidence",
      strategy: { name: "beam", width: 2, branching: 3 },
      maxDepth: 3,
      maxStepTokens: 12,
      seed: 7,
    });
    expect(result.tree.nodes.length).toBeGreaterThan(4);
    const children = result.tree.nodes.filter((node) => node.depth === 1);
    // Distinct seeds per branch: siblings differ.
    expect(new Set(children.map((node) => node.text)).size).toBeGreaterThan(1);
    // Generated steps keep their token ids, so the next prompt reuses them as they are.
    expect(children.every((node) => (node.tokens?.length ?? 0) > 0)).toBe(true);
    // Prefix reuse and forks: a child's prompt is its parent's plus one step, evaluated once.
    expect(result.usage.evaluatedPromptTokens).toBeLessThan(result.usage.promptTokens / 4);
    expect(children.every((node) => node.scores[0]?.source === "confidence")).toBe(true);
  });

  it("plays Game of 24 with legal moves only and verifies every answer exactly", async () => {
    const result = await think(createGame24Task("4 9 10 13", { profile: "compact" }), {
      model,
      strategy: { name: "beam", width: 3, branching: 4 },
      seed: 3,
    });
    const steps = result.tree.nodes.filter((node) => node.depth > 0);
    expect(steps.length).toBeGreaterThan(3);
    // The grammar allows only legal moves: no step is invalid.
    expect(steps.filter((node) => node.status === "invalid")).toEqual([]);
    for (const node of result.tree.nodes.filter((n) => n.answer !== undefined)) {
      expect(node.verified).toBe(
        game24Check((node.answer as string).split("=")[0] as string, [4, 9, 10, 13]).ok,
      );
    }
  });

  it("stops at a think-time deadline and keeps what it found", async () => {
    const result = await think("Count the stars.", {
      model,
      strategy: { name: "best-first", branching: 4 },
      maxDepth: 50,
      maxStepTokens: 8,
      budget: { time: 1500, reserve: 0 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("time");
    expect(result.tree.nodes.length).toBeGreaterThan(1);
  });
});
