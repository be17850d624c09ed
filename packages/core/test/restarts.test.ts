import { createSearch, type SearchTree, type StrategyOption, think } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { findRoundTemperature } from "../src/engine/rounds.js";
import { createGraphModel, createGraphTask, type GraphSpec } from "./helpers/graph-task.js";

/**
 * The goal lies under the fourth move, which a cool sampler never writes: at temperature 0.7 the
 * model reaches only the first two moves of a state.
 */
const hidden: GraphSpec = {
  edges: { root: ["a", "b", "c", "d"], d: ["d-goal"], a: ["a-end"], b: ["b-end"] },
  goals: { "d-goal": "42", "a-end": "1", "b-end": "2" },
  correct: "42",
};
const coolReach = (temperature: number) => (temperature <= 0.7 ? 2 : 4);

const fixed: StrategyOption[] = [
  { name: "beam", width: 2, branching: 2 },
  { name: "dfs", branching: 2, threshold: 0.1 },
  { name: "best-first", branching: 2 },
  { name: "mcts", branching: 2 },
  { name: "best-of-n", samples: 2 },
  { name: "self-consistency", samples: 2 },
];

function restartEvents(tree: SearchTree) {
  return tree.events.flatMap((event) => (event.type === "restarted" ? [event] : []));
}

describe("restarts of an exhausted strategy", () => {
  it.each(fixed)(
    "%o restarts on new seeds at a higher temperature and finds what its first pass missed",
    async (strategy) => {
      const run = (onExhausted: "restart" | "stop") =>
        think(createGraphTask(hidden), {
          model: createGraphModel(hidden, { bySeed: true, reach: coolReach }),
          strategy,
          onExhausted,
          budget: { time: "20s" },
        });
      const stopped = await run("stop");
      expect(stopped.verified).not.toBe(true);
      expect(restartEvents(stopped.tree)).toEqual([]);
      const restarted = await run("restart");
      expect(restarted.stopReason).toBe("solved");
      expect(restarted.answer).toBe("42");
      const [first] = restartEvents(restarted.tree);
      expect(first).toMatchObject({ round: 1, temperature: 1 });
    },
  );

  it("raises the temperature 0.3 a round up to 1.5, and keeps a higher one", () => {
    expect([0, 1, 2, 3, 4].map((round) => findRoundTemperature(0.7, round))).toEqual([
      0.7, 1, 1.3, 1.5, 1.5,
    ]);
    expect(findRoundTemperature(0, 1)).toBeCloseTo(0.3);
    expect(findRoundTemperature(1.8, 3)).toBe(1.8);
  });

  it.each(["greedy", "sample"] as const)("never restarts %s, a single pass", async (strategy) => {
    const result = await think(createGraphTask(hidden), {
      model: createGraphModel(hidden, { bySeed: true, reach: coolReach }),
      strategy,
      budget: { time: "20s" },
    });
    expect(restartEvents(result.tree)).toEqual([]);
    expect(result.tree.nodes.filter((node) => node.parent === 0)).toHaveLength(1);
  });

  it("ends exhausted after two rounds in a row that found no new state", async () => {
    const finite: GraphSpec = { edges: { root: ["a", "b"] }, goals: {}, correct: "1" };
    const result = await think(createGraphTask(finite), {
      model: createGraphModel(finite, { bySeed: true }),
      strategy: { name: "beam", width: 2, branching: 2 },
      budget: { time: "60s" },
    });
    expect(result.stopReason).toBe("exhausted");
    const rounds = restartEvents(result.tree).map((event) => event.round);
    // Round 1 finds nothing new, nor does round 2: no third restart.
    expect(rounds).toEqual([1, 2]);
  });

  it("goes on in the round it was in after a pause and a resume from the snapshot", async () => {
    const options = {
      model: createGraphModel(hidden, { bySeed: true, reach: coolReach, latencyMs: 5 }),
      strategy: { name: "beam", width: 2, branching: 2 } as const,
      budget: { time: "20s" },
    };
    const first = createSearch(createGraphTask(hidden), options);
    const restarted = new Promise<void>((resolve) => {
      first.subscribe((event) => {
        if (event.type === "restarted") resolve();
      });
    });
    first.start();
    await restarted;
    const snapshot = await first.pause();
    expect(snapshot.rounds?.round).toBeGreaterThanOrEqual(1);
    const again = createSearch(createGraphTask(hidden), options, { snapshot });
    again.start();
    const result = await again.result;
    expect(result.answer).toBe("42");
    const rounds = restartEvents(result.tree).map((event) => event.round);
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    expect(new Set(rounds).size).toBe(rounds.length);
  });
});
