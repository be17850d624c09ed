import { describe, expect, it } from "vitest";
import { makesExactly24 } from "./support/reference-24.js";

describe("the tests' own exact 24 check", () => {
  it("accepts exact solutions, fractions on the way included", () => {
    expect(makesExactly24("(13 - 9) * (10 - 4) = 24", [4, 9, 10, 13])).toBe(true);
    expect(makesExactly24("8 / (3 - 8 / 3)", [3, 3, 8, 8])).toBe(true);
    expect(makesExactly24("(7 + 1 - 2) * 4 = 24", [1, 2, 4, 7])).toBe(true);
  });

  it("rejects wrong values, wrong numbers, leftovers and malformed text", () => {
    expect(makesExactly24("13 - 9 + 10 - 4 = 24", [4, 9, 10, 13])).toBe(false);
    expect(makesExactly24("6 * 4", [4, 6, 1, 1])).toBe(false);
    expect(makesExactly24("(13 - 9) * (10 - 4) * 1", [4, 9, 10, 13])).toBe(false);
    expect(makesExactly24("8 / (3 - 8 / 3.0001)", [3, 3, 8, 8])).toBe(false);
    expect(makesExactly24("(13 - 9 * (10 - 4)", [4, 9, 10, 13])).toBe(false);
    expect(makesExactly24("4 / (9 - 9) + 24", [4, 9, 9, 24])).toBe(false);
    expect(makesExactly24(undefined, [4, 9, 10, 13])).toBe(false);
  });
});
