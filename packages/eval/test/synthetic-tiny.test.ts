import { loadModel } from "@deliberate/llama";
import { game24Check } from "@deliberate/tools";
import { describe, expect, it } from "vitest";
import { formatEvaluationTable, renderAccuracyChart, runEvaluation } from "../src/index.js";
import { checkWellFormedXml } from "./support/check-xml.js";

describe("runEvaluation on synthetic:tiny", () => {
  it("runs single pass, ToT and best-of-N through llama.cpp and says what it shows", async () => {
    const model = await loadModel({ model: "synthetic:tiny", threads: 1 });
    try {
      const report = await runEvaluation({
        model,
        modelSource: "synthetic:tiny",
        cases: 2,
        methods: ["io", "tot-b1", "best-of-n"],
        budgets: ["1s", "2s"],
        branching: 4,
      });
      expect(report.table.map((row) => row.method)).toEqual(["io", "tot-b1", "best-of-n@tot-b1"]);
      expect(report.settings.profile).toBe("compact");
      for (const row of report.table) {
        expect(row.cases).toBe(2);
        expect(row.generatedTokensPerCase).toBeGreaterThan(0);
        for (const outcome of row.outcomes.filter((o) => o.solved))
          expect(
            game24Check(
              outcome.answer ?? "",
              outcome.case.split(": ")[1]?.split(" ").map(Number) ?? [],
            ).ok,
          ).toBe(true);
      }
      expect(formatEvaluationTable(report)).toContain(
        "what this shows is the search, not the model",
      );
      const polylines = checkWellFormedXml(renderAccuracyChart(report)).filter(
        (e) => e.name === "polyline",
      );
      expect(polylines).toHaveLength(3);
    } finally {
      await model.dispose();
    }
  }, 180_000);
});
