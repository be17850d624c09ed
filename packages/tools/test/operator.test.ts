import { describe, expect, it } from "vitest";
import {
  applyOperator,
  calculate,
  formatFraction,
  makeFraction,
  OPERATOR_CLASS,
  OPERATORS,
  readDecimalFraction,
  readOperator,
} from "../src/index.js";

const LOOK_ALIKES = { "−": "-", x: "*", X: "*", "×": "*", "÷": "/" } as const;

describe("readOperator", () => {
  it("folds the look-alikes into the four operators", () => {
    for (const op of OPERATORS) expect(readOperator(op)).toBe(op);
    for (const [symbol, op] of Object.entries(LOOK_ALIKES)) expect(readOperator(symbol)).toBe(op);
  });

  it("reads nothing else, not even the names an object inherits", () => {
    for (const text of ["^", "%", "", "**", "constructor", "toString", "__proto__"]) {
      expect(readOperator(text)).toBeUndefined();
    }
  });
});

describe("OPERATOR_CLASS", () => {
  it("matches exactly the symbols readOperator reads", () => {
    const pattern = new RegExp(`^${OPERATOR_CLASS}$`);
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    for (const char of [...printable, ...Object.keys(LOOK_ALIKES), "·", "∗"]) {
      expect(pattern.test(char), char).toBe(readOperator(char) !== undefined);
    }
  });
});

describe("applyOperator", () => {
  it("computes exactly, as the calculator does", () => {
    const [a, b] = [makeFraction(8), makeFraction(3)];
    for (const op of OPERATORS) {
      const value = applyOperator(a, op, b);
      expect(value && formatFraction(value)).toBe(calculate(`8 ${op} 3`).exact);
    }
  });

  it("gives undefined for a division by zero and leaves the report to the caller", () => {
    expect(applyOperator(makeFraction(1), "/", makeFraction(0))).toBeUndefined();
    expect(applyOperator(makeFraction(1), "*", makeFraction(0))).toEqual(makeFraction(0));
  });
});

describe("readDecimalFraction", () => {
  it("reads integers, decimals and fractions exactly", () => {
    const read = (text: string) => {
      const value = readDecimalFraction(text);
      return value && formatFraction(value);
    };
    expect(read("12")).toBe("12");
    expect(read("-0.5")).toBe("-1/2");
    expect(read(".25")).toBe("1/4");
    expect(read("14/6")).toBe("7/3");
    expect(read("1.5/4")).toBe("3/8");
    expect(read("0.1")).toBe("1/10");
  });

  it("gives undefined for anything else, a zero denominator included", () => {
    for (const text of ["", "-", ".", "1.", "1/0", "1/-2", "1e3", " 1", "1/2/3", "--1", "½"]) {
      expect(readDecimalFraction(text), text).toBeUndefined();
    }
  });
});
