import { think } from "@deliberate/core";
import { game24Check } from "@deliberate/tools";
import { describe, expect, it } from "vitest";
import { createGame24Task, createSudokuTask, generateSudokuPuzzles } from "../src/index.js";
import { createGrammarModel } from "./support/grammar-model.js";

describe("tasks driven by think()", () => {
  it("finds a verified Game-of-24 answer with random legal moves and the exact verifier", async () => {
    for (const profile of ["compact", "paper"] as const) {
      const result = await think(createGame24Task("4 9 10 13", { profile, pruneDeadEnds: true }), {
        model: createGrammarModel(),
        strategy: { name: "beam", width: 5, branching: 8 },
        evaluator: "verifier",
        seed: 1,
        budget: { nodes: 2000 },
      });
      expect(result.answer, profile).toBeDefined();
      expect(result.verified).toBe(true);
      expect(game24Check(result.answer ?? "", [4, 9, 10, 13]).ok).toBe(true);
    }
  });

  it("keeps every step on the path legal under the grammar", async () => {
    const result = await think(createGame24Task("1 1 4 6", { profile: "compact" }), {
      model: createGrammarModel(),
      strategy: { name: "beam", width: 3, branching: 4 },
      evaluator: "value",
      seed: 3,
      budget: { nodes: 200 },
    });
    const invalid = Object.values(result.tree.nodes).filter((node) => node.status === "invalid");
    expect(invalid).toEqual([]);
  });

  it("solves a 4x4 sudoku with random legal placements, mcts and the exact dead-end check", async () => {
    const [generated] = generateSudokuPuzzles({ count: 1, seed: 4, blanks: 8 });
    const result = await think(createSudokuTask(generated?.puzzle ?? "", { pruneDeadEnds: true }), {
      model: createGrammarModel(),
      strategy: { name: "mcts", branching: 3 },
      evaluator: "verifier",
      seed: 2,
      budget: { nodes: 3000 },
    });
    expect(result.answer?.replace(/\s/g, "")).toBe(generated?.solution);
    expect(result.verified).toBe(true);
  });
});
