import { createQuestionTask, type StrategyOption, think } from "@deliberate/core";
import { createRandomModel } from "@deliberate/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const strategyArb: fc.Arbitrary<StrategyOption> = fc.oneof(
  fc.record({
    name: fc.constant("anytime" as const),
    branching: fc.integer({ min: 1, max: 4 }),
    // Rounds ask up to this many children in one call: the token bound below counts on ≤ 6.
    maxBranching: fc.integer({ min: 1, max: 6 }),
    threshold: fc.double({ min: 0, max: 1, noNaN: true }),
    probe: fc.boolean(),
  }),
  fc.record({
    name: fc.constant("beam" as const),
    width: fc.integer({ min: 1, max: 4 }),
    branching: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    name: fc.constant("dfs" as const),
    branching: fc.integer({ min: 1, max: 4 }),
    threshold: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    name: fc.constant("best-first" as const),
    branching: fc.integer({ min: 1, max: 4 }),
    batch: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ name: fc.constant("mcts" as const), branching: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ name: fc.constant("best-of-n" as const), samples: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    name: fc.constant("self-consistency" as const),
    samples: fc.integer({ min: 1, max: 6 }),
  }),
  fc.constantFrom<StrategyOption>("greedy", "sample"),
);

const runArb = fc.record({
  strategy: strategyArb,
  seed: fc.integer({ min: 0, max: 10_000 }),
  nodes: fc.integer({ min: 1, max: 60 }),
  generatedTokens: fc.integer({ min: 1, max: 400 }),
  concurrency: fc.integer({ min: 1, max: 4 }),
  answerRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
  maxDepth: fc.integer({ min: 1, max: 6 }),
  onExhausted: fc.constantFrom("restart" as const, "stop" as const),
});

type Run = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

async function search(run: Run) {
  const model = createRandomModel({ answerRate: run.answerRate });
  const task = createQuestionTask("What is the answer?", { maxDepth: run.maxDepth });
  return think(task, {
    model,
    strategy: run.strategy,
    seed: run.seed,
    concurrency: run.concurrency,
    onExhausted: run.onExhausted,
    maxStepTokens: 8,
    budget: { nodes: run.nodes, generatedTokens: run.generatedTokens },
  });
}

describe("search invariants", () => {
  it("never exceeds the node limit, nor the token limit by more than the calls in flight", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const result = await search(run);
        expect(result.tree.nodes.length).toBeLessThanOrEqual(run.nodes);
        // Each call is capped by the tokens left when it starts: in flight, `concurrency` calls of 8 tokens × n.
        const perCall = 8 * 6;
        expect(result.usage.generatedTokens).toBeLessThanOrEqual(
          run.generatedTokens + run.concurrency * perCall,
        );
      }),
      { numRuns: 60 },
    );
  });

  it("gives every node an earlier parent one level up", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const { nodes } = (await search(run)).tree;
        nodes.forEach((node, id) => {
          expect(node.id).toBe(id);
          if (id === 0) return;
          const parent = nodes[node.parent ?? -1];
          expect(parent).toBeDefined();
          expect(node.depth).toBe((parent?.depth ?? -1) + 1);
        });
      }),
      { numRuns: 60 },
    );
  });

  it("never expands a pruned, invalid or terminal node", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const { nodes, events } = (await search(run)).tree;
        for (const node of nodes) {
          if (node.parent !== null) expect(nodes[node.parent]?.status).toBe("expanded");
        }
        const prunedAt = new Map<number, number>();
        for (const event of events) {
          if (event.type === "status" && event.status === "pruned")
            prunedAt.set(event.id, event.seq);
          if (event.type === "selected")
            for (const id of event.ids) expect(prunedAt.has(id)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("answers with the best-scored terminal found, unless the strategy votes", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const result = await search(run);
        const terminals = result.tree.nodes.filter((node) => node.status === "terminal");
        if (terminals.length === 0) {
          expect(result.answer).toBeUndefined();
          return;
        }
        if (
          typeof run.strategy === "object" &&
          "name" in run.strategy &&
          run.strategy.name === "self-consistency"
        )
          return;
        // A settled answer is the one most paths agree on, which need not be the best scored.
        if (result.stopReason === "settled") return;
        const bestScore = Math.max(...terminals.map((node) => node.score ?? 0.5));
        const best = terminals.find((node) => (node.score ?? 0.5) === bestScore);
        expect(result.answer).toBe(best?.answer);
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same tree for the same seed", async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async (run) => {
        const single = { ...run, concurrency: 1 };
        const [a, b] = [await search(single), await search(single)];
        expect(b.tree.nodes.map((node) => node.text)).toEqual(
          a.tree.nodes.map((node) => node.text),
        );
      }),
      { numRuns: 25 },
    );
  });
});
