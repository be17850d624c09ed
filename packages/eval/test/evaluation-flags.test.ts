import { describe, expect, it } from "vitest";
import { buildEvaluationOptions, EVALUATION_FLAG_DEFAULTS } from "../src/index.js";

describe("buildEvaluationOptions", () => {
  it("maps the harness's flags to options, leaving empty flags to the harness's defaults", () => {
    const options = buildEvaluationOptions({
      ...EVALUATION_FLAG_DEFAULTS,
      model: "builtin:tiny-reasoner",
      methods: "io, tot-b1",
      budgets: "1s, 2s,",
      "max-nodes": "50",
    });
    expect(options).toEqual({
      modelSource: "builtin:tiny-reasoner",
      cases: 3,
      caseSource: "tot",
      methods: ["io", "tot-b1"],
      budgets: ["1s", "2s"],
      seed: 0,
      branching: 8,
      samples: 10,
      temperature: 0.7,
      maxNodes: 50,
      concurrency: 4,
    });
  });

  it("names the flag, what it expected and what came", () => {
    expect(() => buildEvaluationOptions({ ...EVALUATION_FLAG_DEFAULTS, cases: "many" })).toThrow(
      'Expected --cases to be a number, got "many".',
    );
    expect(() => buildEvaluationOptions({ ...EVALUATION_FLAG_DEFAULTS, puzzles: "mine" })).toThrow(
      'Expected --puzzles to be one of tot, random, got "mine".',
    );
  });
});
