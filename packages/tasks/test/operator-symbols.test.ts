import { calculate, formatFraction, readOperator } from "@deliberate/tools";
import { describe, expect, it } from "vitest";
import { findWrongCalculation, parseGame24Step } from "../src/index.js";

// Every way of writing an operator the calculator reads, and one it does not.
const SYMBOLS = ["+", "-", "−", "*", "x", "X", "×", "/", "÷"];

describe("the operator symbols of the tasks", () => {
  it("are the calculator's: a Game-of-24 step reads each symbol as the calculator does", () => {
    for (const symbol of SYMBOLS) {
      const value = calculate(`8 ${symbol} 2`).exact;
      const step = parseGame24Step(`8 ${symbol} 2 = ${value}`);
      expect(step, symbol).toMatchObject({ op: readOperator(symbol) });
      if ("result" in step) expect(formatFraction(step.result)).toBe(value);
    }
    expect(parseGame24Step("8 ^ 2 = 64")).toHaveProperty("error");
  });

  it("are the calculator's: a word-problem step is checked whichever symbol it uses", () => {
    for (const symbol of SYMBOLS) {
      const value = calculate(`8 ${symbol} 2`).exact;
      expect(findWrongCalculation(`So 8 ${symbol} 2 = ${value} apples`), symbol).toBeUndefined();
      expect(findWrongCalculation(`So 8 ${symbol} 2 = 1000 apples`), symbol).toBe(
        `expected 8 ${symbol} 2 = ${value}, got 1000`,
      );
    }
  });
});
