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
});
