import { describe, expect, it } from "vitest";
import {
  addFractions,
  approximateFraction,
  compareFractions,
  divideFractions,
  formatFraction,
  makeFraction,
  parseFraction,
  ToolError,
} from "../src/index.js";

describe("fractions", () => {
  it("keeps lowest terms with a positive denominator", () => {
    expect(makeFraction(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(formatFraction(addFractions(makeFraction(1, 3), makeFraction(2, 3)))).toBe("1");
  });

  it("reads back what it writes", () => {
    for (const text of ["7/3", "-6", "24", "0", "-1/2"])
      expect(formatFraction(parseFraction(text))).toBe(text);
    expect(formatFraction(parseFraction("14/6"))).toBe("7/3");
  });

  it("refuses a zero denominator or divisor and malformed text", () => {
    expect(() => makeFraction(1, 0)).toThrow(ToolError);
    expect(() => divideFractions(makeFraction(1), makeFraction(0))).toThrow(/non-zero divisor/);
    expect(() => parseFraction("1/0")).toThrow(ToolError);
    expect(() => parseFraction("one")).toThrow(/Expected a fraction like/);
  });

  it("compares and approximates", () => {
    expect(compareFractions(makeFraction(1, 3), makeFraction(1, 2))).toBe(-1);
    expect(approximateFraction(makeFraction(-1, 3), 4)).toBe("-0.3333");
    expect(approximateFraction(makeFraction(5, 4))).toBe("1.25");
  });
});
