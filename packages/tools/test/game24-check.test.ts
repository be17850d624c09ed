import { describe, expect, it } from "vitest";
import { game24Check, ToolError } from "../src/index.js";

describe("game24Check", () => {
  it("accepts an exact solution, with or without = 24", () => {
    expect(game24Check("(13 - 9) * (10 - 4)", [4, 9, 10, 13])).toEqual({ ok: true, value: "24" });
    expect(game24Check("4 * (9 - (13 - 10)) = 24", [4, 9, 10, 13]).ok).toBe(true);
    expect(game24Check("8 / (3 - 8 / 3)", [3, 3, 8, 8]).ok).toBe(true);
    expect(game24Check("(1 + 8 ÷ 4) × 8", [1, 4, 8, 8]).ok).toBe(true);
  });

  it("rejects a wrong value and says which", () => {
    const verdict = game24Check("(4 + 8) * (6 - 4) + 1", [4, 4, 6, 8]);
    expect(verdict.ok).toBe(false);
  });

  it("rejects an expression whose value is close to 24 but not exactly", () => {
    const verdict = game24Check("8 / (3 - 8 / 3.0001)", [3, 3, 8, 8]);
    expect(verdict.ok).toBe(false);
  });

  it("rejects numbers used twice, missing or foreign", () => {
    expect(game24Check("6 * 4", [4, 6, 1, 1]).reason).toMatch(
      /expected the numbers 1 1 4 6 each once, got 4 6/,
    );
    expect(game24Check("(13 - 9) * (10 - 4) * 1", [4, 9, 10, 13]).reason).toMatch(
      /got 1 4 9 10 13/,
    );
    expect(game24Check("12 + 12", [12, 12, 1, 1]).ok).toBe(false);
    expect(game24Check("4 * 6 * (9 - 9 + 1)", [4, 6, 9, 9]).ok).toBe(false);
  });

  it("rejects unary minus, decimals and a wrong claimed result", () => {
    expect(game24Check("-(1 - 25)", [1, 25]).reason).toMatch(/unary minus/);
    expect(game24Check("48 * 0.5", [48, 0]).reason).toMatch(/non-integer 0.5/);
    expect(game24Check("(13 - 9) * (10 - 4) = 25", [4, 9, 10, 13]).reason).toMatch(/= 24/);
  });

  it("turns hostile text into a failing verdict, never a throw", () => {
    for (const text of [
      "",
      "(((",
      "24; process.exit(1)",
      "constructor",
      "1/0",
      "x".repeat(5000),
      "=24",
      "\u0000",
    ]) {
      const verdict = game24Check(text, [4, 9, 10, 13]);
      expect(verdict.ok).toBe(false);
      expect(typeof verdict.reason).toBe("string");
    }
    expect(game24Check(undefined as unknown as string, [1, 2, 3, 4]).ok).toBe(false);
  });

  it("throws a ToolError only for a malformed puzzle", () => {
    expect(() => game24Check("1", [])).toThrow(ToolError);
    expect(() => game24Check("1", [1.5, 2] as number[])).toThrow(/non-negative integers/);
    expect(() => game24Check("1", "1 2 3 4" as unknown as number[])).toThrow(ToolError);
  });
});
