import { type BudgetInput, createQuestionTask, type SearchEvent, think } from "@deliberate/core";
import { countWords, createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";

/** A model that keeps thinking at temperature > 0 and answers "5" when decoding greedily. */
function createPonderingModel(latencyMs = 0) {
  return createScriptedModel({
    latencyMs,
    rules: [
      { match: "Judgement:", reply: "likely" },
      {
        match: /.*/s,
        reply: ({ request, index, call }) =>
          request.temperature === 0 ? "Final answer: 5" : `thought ${call}-${index} goes on`,
      },
    ],
  });
}

const question = () => createQuestionTask("What is two plus three?", { maxDepth: 50 });
const wide = { name: "beam" as const, width: 3, branching: 3 };

/** Events after the first budget tick at which `limitReached` holds. */
function eventsAfterLimit(
  events: readonly SearchEvent[],
  limitReached: (tick: Extract<SearchEvent, { type: "budget" }>) => boolean,
) {
  const at = events.findIndex((event) => event.type === "budget" && limitReached(event));
  return at < 0 ? [] : events.slice(at + 1);
}

describe("budget", () => {
  it("stops at the node limit without ever exceeding it", async () => {
    const result = await think(question(), {
      model: createPonderingModel(),
      strategy: wide,
      budget: { nodes: 10 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("nodes");
    expect(result.tree.nodes.length).toBe(10);
  });

  it("stops at the call limit, keeping the reserve to finish the best path", async () => {
    const result = await think(question(), {
      model: createPonderingModel(),
      strategy: wide,
      concurrency: 1,
      budget: { calls: 20, reserve: 0.25 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("calls");
    expect(result.usage.calls).toBeLessThanOrEqual(20);
    expect(result.answer).toBe("5");
    expect(result.tree.events.some((event) => event.type === "finalizing")).toBe(true);
  });

  it("never writes more generated tokens than the limit with one call in flight", async () => {
    const result = await think(question(), {
      model: createPonderingModel(),
      strategy: wide,
      concurrency: 1,
      budget: { generatedTokens: 57 },
    });
    expect(result.limit).toBe("generatedTokens");
    expect(result.usage.generatedTokens).toBeLessThanOrEqual(57);
  });

  it("never writes more generated tokens than the limit with many calls in flight", async () => {
    for (const concurrency of [4, 16]) {
      const result = await think(question(), {
        model: createPonderingModel(1),
        strategy: { name: "beam", width: 4, branching: 4 },
        concurrency,
        budget: { generatedTokens: 57 },
      });
      expect(result.limit).toBe("generatedTokens");
      expect(result.usage.generatedTokens).toBeLessThanOrEqual(57);
    }
  });

  it("keeps prompt and generated tokens within one call of the limit with many calls in flight", async () => {
    const inner = createPonderingModel(1);
    let biggestCall = 0;
    const model = {
      id: "measured",
      async generate(request: Parameters<typeof inner.generate>[0]) {
        const reply = await inner.generate(request);
        const { promptTokens, generatedTokens } = reply.usage;
        biggestCall = Math.max(biggestCall, promptTokens + generatedTokens);
        return reply;
      },
    };
    const result = await think(question(), {
      model,
      strategy: { name: "beam", width: 4, branching: 4 },
      concurrency: 16,
      budget: { tokens: 400 },
    });
    expect(result.limit).toBe("tokens");
    const spent = result.usage.promptTokens + result.usage.generatedTokens;
    expect(spent).toBeLessThanOrEqual(400 + biggestCall);
  });

  it("exceeds the prompt-token limit by no more than the calls in flight", async () => {
    const limit = 300;
    const inner = createPonderingModel();
    let biggestPrompt = 0;
    const model = {
      id: "measured",
      async generate(request: Parameters<typeof inner.generate>[0]) {
        const reply = await inner.generate(request);
        biggestPrompt = Math.max(biggestPrompt, reply.usage.promptTokens);
        return reply;
      },
    };
    const result = await think(question(), {
      model,
      strategy: wide,
      concurrency: 2,
      budget: { promptTokens: limit },
    });
    expect(result.limit).toBe("promptTokens");
    expect(result.usage.promptTokens).toBeGreaterThanOrEqual(limit * 0.9);
    expect(result.usage.promptTokens).toBeLessThanOrEqual(limit + 2 * biggestPrompt);
  });

  it("counts prompt and generated tokens together under `tokens`", async () => {
    const result = await think(question(), {
      model: createPonderingModel(),
      strategy: wide,
      budget: { tokens: 400 },
    });
    expect(result.limit).toBe("tokens");
    expect(result.usage.promptTokens + result.usage.generatedTokens).toBeGreaterThanOrEqual(
      400 * 0.9,
    );
  });

  it("starts no new step once a limit is reached", async () => {
    const budgets: BudgetInput[] = [
      { nodes: 12 },
      { calls: 6 },
      { tokens: 300 },
      { generatedTokens: 40 },
    ];
    for (const budget of budgets) {
      const result = await think(question(), {
        model: createPonderingModel(),
        strategy: wide,
        budget: { ...budget, reserve: 0 },
      });
      const after = eventsAfterLimit(result.tree.events, (tick) =>
        Boolean(
          (budget.nodes && tick.nodes >= budget.nodes) ||
            (budget.calls && tick.calls >= budget.calls) ||
            (budget.tokens && tick.promptTokens + tick.generatedTokens >= budget.tokens) ||
            (budget.generatedTokens && tick.generatedTokens >= budget.generatedTokens),
        ),
      );
      expect(after.filter((event) => event.type === "selected")).toEqual([]);
      expect(result.stopReason).toBe("budget");
    }
  });

  it("stops at the deadline by aborting the calls in flight", async () => {
    const result = await think(question(), {
      model: createPonderingModel(5_000),
      strategy: wide,
      budget: { time: 150, reserve: 0 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("time");
    // Every call takes 5 s: stopping at all means the deadline cut the first ones short.
    expect(result.usage.elapsedMs).toBeLessThan(5_000);
    expect(result.tree.nodes).toHaveLength(1);
  });

  it("keeps the best answer found before the budget ran out", async () => {
    let calls = 0;
    const model = createScriptedModel({
      rules: [
        {
          match: "Judgement:",
          reply: ({ prompt }) => (prompt.includes("Final answer: 5") ? "sure" : "likely"),
        },
        { match: /.*/s, reply: () => (calls++ === 0 ? "Final answer: 5" : `more ${calls}`) },
      ],
    });
    const result = await think(question(), {
      model,
      strategy: { name: "beam", width: 4, branching: 2 },
      budget: { nodes: 9, reserve: 0 },
      // A "sure" answer would otherwise settle before the node limit.
      settle: false,
    });
    expect(result.stopReason).toBe("budget");
    expect(result.answer).toBe("5");
  });

  it("counts words as tokens in the test models", () => {
    expect(countWords("two plus three")).toBe(3);
  });
});
