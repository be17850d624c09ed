import { describe, expect, it } from "vitest";
import { sizeBestOfN } from "../src/index.js";
import { runTinyEvaluation } from "./support/tiny-evaluation.js";

describe("sizeBestOfN", () => {
  it("divides the search's generated tokens by one chain's", () => {
    expect(sizeBestOfN(1_106, 46)).toBe(24);
    expect(sizeBestOfN(120, 12)).toBe(10);
  });

  it("asks for at least one chain", () => {
    expect(sizeBestOfN(3, 12)).toBe(1);
    expect(sizeBestOfN(0, 12)).toBe(1);
    expect(sizeBestOfN(100, 0)).toBe(1);
  });
});

describe("best-of-N in the harness", () => {
  it("spends the generated tokens of the search it stands beside", async () => {
    // Always the grammar's first step: no chain ever solves, so no best-of-N run stops early and
    // its tokens are exactly N chains'.
    const report = await runTinyEvaluation(
      { methods: ["tot-b1", "tot-b5", "mcts", "best-of-n"], budgets: ["30s"] },
      { firstStep: true },
    );
    // A compact chain writes 5, 4 and 3 words: "13-9=4 | 4 4 10", "10-4=6 | 4 6", "4*6=24 | 24".
    expect(report.chainCost?.tokensPerChain).toBe(12);
    const searches = report.table.filter((row) => row.kind === "search");
    expect(searches).toHaveLength(3);
    for (const search of searches) {
      const matched = report.table.find((row) => row.bestOfN?.matchedTo === search.method);
      expect(matched?.bestOfN?.targetGeneratedTokens).toBe(search.generatedTokensPerCase);
      expect(matched?.bestOfN?.samples).toBe(
        Math.max(1, Math.round(search.generatedTokensPerCase / 12)),
      );
      expect(matched?.solved).toBe(0);
      const gap = Math.abs((matched?.generatedTokensPerCase ?? 0) - search.generatedTokensPerCase);
      expect(gap).toBeLessThanOrEqual(6);
    }
  });

  it("sizes to a search that stopped early on its solution, and stops early itself", async () => {
    // A model that takes a winning step half the time: the search solves every case before its
    // budget, so it is sized to what it spent up to its solution; best-of-N, drawn 8 chains at a
    // time, stops after the chunk in which a chain solves.
    const report = await runTinyEvaluation(
      { methods: ["mcts", "best-of-n"], budgets: ["30s"] },
      { solving: 0.5 },
    );
    // The pilot never stops early: a chain costs its full three steps even when chains solve.
    expect(report.chainCost?.tokensPerChain).toBe(12);
    const search = report.table.find((row) => row.method === "mcts");
    const matched = report.table.find((row) => row.bestOfN?.matchedTo === "mcts");
    expect(search?.outcomes.map((outcome) => outcome.stopReason)).toEqual(["solved", "solved"]);
    const samples = Math.max(1, Math.round((search?.generatedTokensPerCase ?? 0) / 12));
    expect(matched?.bestOfN).toMatchObject({
      samples,
      targetGeneratedTokens: search?.generatedTokensPerCase,
    });
    // More samples than a chunk, so an early stop shows in the tokens.
    expect(samples).toBeGreaterThan(8);
    const outcomes = matched?.outcomes ?? [];
    for (const outcome of outcomes) {
      if (outcome.solved) {
        expect(outcome.stopReason).toBe("solved");
        expect(outcome.generatedTokens, outcome.case).toBeLessThanOrEqual(samples * 12);
      } else {
        // No chain solved: every one was drawn, at its full cost.
        expect(outcome.generatedTokens, outcome.case).toBe(samples * 12);
      }
    }
    // A case solved in the first chunk stops there: the last chains are never drawn.
    const early = outcomes.filter((outcome) => outcome.solved && outcome.generatedTokens <= 8 * 12);
    expect(early.length).toBeGreaterThan(0);
  });
});
