import { type StrategyOption, think } from "@deliberate/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, type GraphSpec } from "./helpers/graph-task.js";

/**
 * A random graph over states s0…s11 whose states share keys (two names for one problem, as two
 * Game-of-24 paths reach the same numbers), with goals among its leaves.
 */
const graphArb: fc.Arbitrary<GraphSpec> = fc
  .record({
    edges: fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 5 }), {
      minLength: 12,
      maxLength: 12,
    }),
    keys: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 }),
    goals: fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 3 }),
  })
  .map(({ edges, keys, goals }) => ({
    edges: Object.fromEntries(
      edges.map((children, i) => [`s${i}`, children.filter((c) => c > i).map((c) => `s${c}`)]),
    ),
    goals: Object.fromEntries(goals.map((g) => [`s${g}`, String(g)])),
    keys: Object.fromEntries(keys.map((key, i) => [`s${i}`, `k${key}`])),
    maxDepth: 4,
  }))
  .map((spec) => ({ ...spec, edges: { ...spec.edges, root: spec.edges.s0 ?? [] } }));

const strategyArb = fc.constantFrom<StrategyOption>(
  "anytime",
  { name: "anytime", branching: 2, probe: false },
  { name: "beam", width: 3, branching: 3 },
  { name: "dfs", branching: 3, threshold: 0.2 },
  { name: "best-first", branching: 2, batch: 2 },
  { name: "mcts", branching: 2 },
);

describe("state evaluation", () => {
  it("never evaluates two nodes of the same state key, whatever the strategy and its rounds", async () => {
    await fc.assert(
      fc.asyncProperty(
        graphArb,
        strategyArb,
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom("restart" as const, "stop" as const),
        async (spec, strategy, seed, onExhausted) => {
          const judged = new Map<string, number>();
          const model = createGraphModel(spec, {
            bySeed: true,
            onValue: (state) => {
              if (spec.goals[state] !== undefined) return;
              const key = spec.keys?.[state] ?? state;
              judged.set(key, (judged.get(key) ?? 0) + 1);
            },
          });
          const result = await think(createGraphTask(spec), {
            model,
            strategy,
            seed,
            onExhausted,
            evaluationSamples: 1,
            budget: { nodes: 80, time: "20s" },
          });
          for (const count of judged.values()) expect(count).toBe(1);
          // Scores copied from a twin still reach every node that asked for one.
          const scoredKeys = new Set(judged.keys());
          for (const node of result.tree.nodes) {
            if (node.scores.some((score) => score.detail?.startsWith("the same state as"))) {
              expect(scoredKeys.has(spec.keys?.[node.text] ?? node.text)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
