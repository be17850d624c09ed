import { createQuestionTask, type Model, type StrategyOption, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";

/** Records how many completions each call asks for. */
function recordCalls(model: Model) {
  const sizes: number[] = [];
  const spy: Model = {
    ...model,
    id: "spy",
    generate: (request) => {
      sizes.push(request.n ?? 1);
      return model.generate(request);
    },
  };
  return { spy, sizes };
}

/** Every chain takes two steps: a thought, then an answer numbered by its seed. */
const chainsModel = (latencyMs: number) =>
  createScriptedModel({
    latencyMs,
    rules: [
      { match: "Judgement:", reply: "likely" },
      {
        match: /.*/s,
        reply: ({ prompt, seed }) =>
          prompt.includes("Thought") ? `Final answer: ${seed % 3}` : `Thought ${seed}`,
      },
    ],
  });

describe("chunked sampling", () => {
  it.each(["best-of-n", "self-consistency"] as const)(
    "%s never asks one call for more than a chunk of chains",
    async (name) => {
      const { spy, sizes } = recordCalls(chainsModel(0));
      const result = await think(createQuestionTask("Which?", { maxDepth: 3 }), {
        model: spy,
        strategy: { name, samples: 1000 } as StrategyOption,
        settle: false,
        onExhausted: "stop",
        budget: { nodes: 120 },
      });
      expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
      expect(result.tree.nodes.filter((node) => node.parent === 0).length).toBeGreaterThan(8);
    },
  );

  it("keeps every chain finished before a deadline that ends the samples midway", async () => {
    const { spy, sizes } = recordCalls(chainsModel(10));
    const result = await think(createQuestionTask("Which?", { maxDepth: 3 }), {
      model: spy,
      strategy: { name: "self-consistency", samples: 10_000, chunk: 4 },
      settle: false,
      budget: { time: "600ms", reserve: 0 },
    });
    expect(result.stopReason).toBe("budget");
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4);
    const answers = result.tree.nodes.filter((node) => node.status === "terminal");
    // 10 ms a call and two calls a chain: the 600 ms finish more than one chunk, far from 10,000.
    expect(answers.length).toBeGreaterThan(4);
    expect(answers.length).toBeLessThan(10_000);
    expect(result.answer).toBeDefined();
    const counts = new Map<string, number>();
    for (const node of answers)
      counts.set(node.answer ?? "", (counts.get(node.answer ?? "") ?? 0) + 1);
    const most = Math.max(...counts.values());
    expect(counts.get(result.answer ?? "")).toBe(most);
  });

  it("draws the chains of one chunk together and the next chunk after it", async () => {
    const { spy, sizes } = recordCalls(chainsModel(0));
    await think(createQuestionTask("Which?", { maxDepth: 3 }), {
      model: spy,
      strategy: { name: "best-of-n", samples: 20, chunk: 8 },
      // One sample a judgement, so that only the chunks ask for more than one completion.
      evaluationSamples: 1,
      settle: false,
      onExhausted: "stop",
    });
    // Root calls of 8, 8 and 4 chains, each chunk's second steps one chain a call.
    expect(sizes.filter((n) => n > 1)).toEqual([8, 8, 4]);
  });
});
