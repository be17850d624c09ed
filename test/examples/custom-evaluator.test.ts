import { describe, expect, it } from "vitest";
import { checkArithmetic } from "../../examples/arithmetic-claims.js";
import { outputSection as section } from "./output-section.js";
import { runExample } from "./run-example.js";

describe("examples/custom-evaluator.ts", () => {
  it("catches the slip the model's value trusts, combined with the value evaluator", async () => {
    const { code, output } = await runExample("custom-evaluator.ts");
    const alone = section(output, "value alone");
    expect(alone).toContain("answer:    398");
    expect(alone).toContain('evaluator: {"name":"value"}');
    const combined = section(output, "value + arithmetic-check");
    expect(combined).toContain("answer:    408");
    expect(combined).toContain(
      'evaluator: {"name":"combine","options":{"parts":[{"name":"value","weight":1},' +
        '{"name":"arithmetic-check","options":{"samples":2},"weight":1}]}}',
    );
    // The exact check refutes the slip without asking the model; the right path is self-checked.
    expect(combined).toMatch(
      /\[0\.50\] 24 × 17 = .* = 340 \+ 58 = 398 {2}← value 1\.00 .*heuristic 0\.00 \(false: 20 × 17 \+ 4 × 17 = 340 \+ 58 \(the left side is 408\)\), combined 0\.50/,
    );
    expect(combined).toMatch(
      /\[0\.75\] Final answer: 408 {2}← .*heuristic 1\.00 \(self-check: 2 of 2 say yes\)/,
    );
    expect(code).toBe(0);
  });

  it("checks chains of calculations exactly and skips what is not arithmetic", () => {
    expect(checkArithmetic("so 17 × 4 = 68 and 340 + 68 = 408 pens")).toEqual([
      { claim: "17 × 4 = 68", holds: true },
      { claim: "340 + 68 = 408", holds: true },
    ]);
    expect(checkArithmetic("20 × 17 + 4 × 17 = 340 + 58 = 398")).toEqual([
      { claim: "20 × 17 + 4 × 17 = 340 + 58", holds: false, actual: "408" },
      { claim: "340 + 58 = 398", holds: true },
    ]);
    expect(checkArithmetic("Final answer: 408")).toEqual([]);
    expect(checkArithmetic("the date 2024-05-01 = today")).toEqual([]);
  });
});
