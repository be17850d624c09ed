import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import { checkEvaluationOptions, parseMethodList, runEvaluation } from "../src/index.js";
import { planEvaluation } from "../src/plan-evaluation.js";

const model = createScriptedModel({ rules: [] });

describe("evaluation options", () => {
  it("names the field, what it expected and what came", async () => {
    await expect(runEvaluation({ model, budgets: ["soon"] })).rejects.toMatchObject({
      code: "INVALID_OPTION",
      field: "budgets.0",
      message: expect.stringMatching(/think time .* got "soon" \(string\)/),
    });
    await expect(runEvaluation({ model, cases: 0 })).rejects.toMatchObject({ field: "cases" });
    await expect(runEvaluation({ model, methods: ["io", "best-of-n"] })).rejects.toThrow(
      /search .* for best-of-n/,
    );
  });

  it("checks options without a model, before one is loaded", () => {
    expect(() => checkEvaluationOptions({ cases: 2, budgets: ["1s"] })).not.toThrow();
    expect(() => checkEvaluationOptions({ budgets: ["1s"], budget: -1 })).toThrow(/`budget`/);
  });

  it("reads method lists into the table's order", () => {
    expect(parseMethodList("tot-b5, io,best-of-n")).toEqual(["io", "tot-b5", "best-of-n"]);
    expect(() => parseMethodList("io,tot")).toThrow(/one of io, cot.*got "tot"/);
  });

  it("defaults to compact prompts and random weights for synthetic models", () => {
    const plan = planEvaluation({ model, modelSource: "synthetic:tiny", cases: 1 });
    expect(plan.profile).toBe("compact");
    expect(plan.randomWeights).toBe(true);
    expect(plan.budgetMs).toBe(10_000);
    expect(planEvaluation({ model, modelSource: "./qwen.gguf", cases: 1 }).profile).toBe("paper");
  });

  it("runs the table at the largest think time unless told", () => {
    const plan = planEvaluation({ model, cases: 1, budgets: ["2s", 500], budget: "3s" });
    expect(plan.budgetsMs).toEqual([500, 2000, 3000]);
    expect(plan.budgetMs).toBe(3000);
  });
});
