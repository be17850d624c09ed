import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ArithmeticNode,
  calculate,
  evaluateArithmetic,
  formatFraction,
  parseArithmetic,
  ToolError,
} from "../src/index.js";

function expectToolError(run: () => unknown, code: string, message?: RegExp): ToolError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ToolError);
    const toolError = error as ToolError;
    expect(toolError.code).toBe(code);
    if (message) expect(toolError.message).toMatch(message);
    return toolError;
  }
  throw new Error("expected a ToolError, nothing was thrown");
}

describe("calculate", () => {
  it("evaluates with exact fractions", () => {
    expect(calculate("1 / 3 + 1 / 6").exact).toBe("1/2");
    expect(calculate("8 / (3 - 8 / 3)").exact).toBe("24");
    expect(calculate("0.1 + 0.2").exact).toBe("3/10");
    expect(calculate("2 / 3").decimal).toBe("0.6666666666");
  });

  it("respects precedence, associativity and signs", () => {
    expect(calculate("2 + 3 * 4").exact).toBe("14");
    expect(calculate("10 - 4 - 3").exact).toBe("3");
    expect(calculate("48 / 4 / 2").exact).toBe("6");
    expect(calculate("-(3 - 5) * --2").exact).toBe("4");
    expect(calculate("-7 / 2").exact).toBe("-7/2");
  });

  it("accepts the operator look-alikes", () => {
    expect(calculate("(13 − 9) × (10 − 4)").exact).toBe("24");
    expect(calculate("12 ÷ 4 x 2 X 1").exact).toBe("6");
  });

  it("names the position of a division by zero", () => {
    const error = expectToolError(
      () => calculate("5 + 1 / (2 - 2)"),
      "DIVISION_BY_ZERO",
      /position 6/,
    );
    expect(error.position).toBe(6);
  });

  it("says what was expected and what came on malformed input", () => {
    expectToolError(
      () => calculate(""),
      "PARSE_ERROR",
      /Expected a number, a sign or "\(" at position 0, got the end/,
    );
    expectToolError(() => calculate("2 +"), "PARSE_ERROR", /at position 3/);
    expectToolError(
      () => calculate("(2 + 3"),
      "PARSE_ERROR",
      /Expected "\)" at position 6 to close the "\(" at position 0/,
    );
    expectToolError(() => calculate("2 3"), "PARSE_ERROR", /got the number 3/);
    expectToolError(() => calculate("2 ^ 3"), "PARSE_ERROR", /position 2, got "\^"/);
    expectToolError(() => calculate("1.2.3"), "PARSE_ERROR", /position 3/);
    expectToolError(() => calculate("2\u0000"), "PARSE_ERROR", /U\+0000/);
  });

  it("rejects input too long or too deep instead of exhausting the stack", () => {
    expectToolError(
      () => calculate(`${"1+".repeat(6000)}1`),
      "TOO_LARGE",
      /at most 10000 characters/,
    );
    expectToolError(
      () => calculate(`${"(".repeat(200)}1${")".repeat(200)}`),
      "TOO_LARGE",
      /nested/,
    );
    expectToolError(() => calculate(`${"-".repeat(500)}1`), "TOO_LARGE", /nested/);
    expectToolError(() => calculate(42 as unknown as string), "INVALID_INPUT");
  });

  it("never executes the text it reads", () => {
    // Every way JavaScript turns text into code is trapped while the calculator runs: a call to
    // any of them, before or after parsing, fails the test. Inputs that would leave a mark on
    // globalThis if run must be parse errors and leave none.
    const calls: string[] = [];
    const mark = "__deliberateCalculatorRan";
    const holders: [object, string | symbol][] = [
      [globalThis, "eval"],
      [globalThis, "Function"],
      [Function.prototype, "constructor"],
      [Object.getPrototypeOf(async () => {}), "constructor"],
      [Object.getPrototypeOf(function* () {}), "constructor"],
      [Object.getPrototypeOf(async function* () {}), "constructor"],
    ];
    const saved = holders.map(([holder, key]) => Object.getOwnPropertyDescriptor(holder, key));
    for (const [holder, key] of holders) {
      Object.defineProperty(holder, key, {
        configurable: true,
        writable: true,
        // A plain function, so `new Function(...)` reaches it too.
        value: function trap() {
          calls.push(String(key));
          throw new Error(`the calculator reached ${String(key)}`);
        },
      });
    }
    let results: string[];
    try {
      results = ["6 * 7", "8 / (3 - 8 / 3)", "0.1 + 0.2", "(13 − 9) × (10 − 4)"].map(
        (text) => calculate(text).exact,
      );
      for (const hostile of [
        "process.exit(1)",
        "constructor.constructor('return 1')()",
        `globalThis.${mark} = 1`,
        `1 + (globalThis.${mark} = 2)`,
        `2 * eval("globalThis.${mark} = 3")`,
        "1; globalThis.process.exitCode = 9",
        "6 * 7 // comment",
        "(() => 24)()",
      ]) {
        expectToolError(() => calculate(hostile), "PARSE_ERROR");
      }
    } finally {
      holders.forEach(([holder, key], index) => {
        const descriptor = saved[index];
        if (descriptor) Object.defineProperty(holder, key, descriptor);
      });
    }
    expect(calls).toEqual([]);
    expect(results).toEqual(["42", "24", "3/10", "24"]);
    expect(mark in globalThis).toBe(false);
    expect(process.exitCode).toBeUndefined();
  });
});

const leaf = fc.integer({ min: 0, max: 50 }).map(
  (n): ArithmeticNode => ({
    kind: "number",
    value: { num: BigInt(n), den: 1n },
    text: String(n),
    position: 0,
  }),
);

const tree: fc.Arbitrary<ArithmeticNode> = fc.letrec<{ node: ArithmeticNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const),
      left: tie("node"),
      right: tie("node"),
      position: fc.constant(0),
    }),
    fc.record({
      kind: fc.constant("negate" as const),
      operand: tie("node"),
      position: fc.constant(0),
    }),
  ),
})).node;

function printFully(node: ArithmeticNode): string {
  if (node.kind === "number") return node.text;
  if (node.kind === "negate") return `-(${printFully(node.operand)})`;
  return `(${printFully(node.left)} ${node.op} ${printFully(node.right)})`;
}

function evaluateOrCode(run: () => ReturnType<typeof evaluateArithmetic>): string {
  try {
    return formatFraction(run());
  } catch (error) {
    if (error instanceof ToolError) return error.code;
    throw error;
  }
}

describe("parseArithmetic (properties)", () => {
  it("throws nothing but a ToolError on any string", () => {
    const alphabet = fc.constantFrom(..."0123456789+-*/×÷−x().  a=\n".split(""));
    const input = fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 40 }));
    fc.assert(
      fc.property(input, (text) => {
        try {
          calculate(text);
        } catch (error) {
          if (!(error instanceof ToolError)) throw error;
        }
      }),
      { numRuns: 2000, seed: 24 },
    );
  });

  it("round-trips a printed tree to the same value", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const direct = evaluateOrCode(() => evaluateArithmetic(node));
        const reparsed = evaluateOrCode(() =>
          evaluateArithmetic(parseArithmetic(printFully(node))),
        );
        expect(reparsed).toBe(direct);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("round-trips a value through its exact text", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const value = evaluateOrCode(() => evaluateArithmetic(node));
        if (value === "DIVISION_BY_ZERO") return;
        expect(calculate(value).exact).toBe(value);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
