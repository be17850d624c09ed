import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calculate, ToolError } from "../src/index.js";

// An expression tree of the test's own, evaluated by a rational reference written here from
// scratch, so the calculator is checked against something other than itself.
type Expression =
  | { readonly kind: "number"; readonly text: string; readonly num: bigint; readonly den: bigint }
  | { readonly kind: "negate"; readonly operand: Expression }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/";
      readonly left: Expression;
      readonly right: Expression;
    };

const integerLeaf = fc
  .integer({ min: 0, max: 999 })
  .map((n): Expression => ({ kind: "number", text: String(n), num: BigInt(n), den: 1n }));
const decimalLeaf = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 3 }), fc.nat(999))
  .map(([whole, places, digits]): Expression => {
    const fraction = String(digits % 10 ** places).padStart(places, "0");
    const den = 10n ** BigInt(places);
    return {
      kind: "number",
      text: `${whole}.${fraction}`,
      num: BigInt(whole) * den + BigInt(fraction),
      den,
    };
  });

const expression: fc.Arbitrary<Expression> = fc.letrec<{ node: Expression }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    integerLeaf,
    decimalLeaf,
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const),
      left: tie("node"),
      right: tie("node"),
    }),
    fc.record({ kind: fc.constant("negate" as const), operand: tie("node") }),
  ),
})).node;

const precedence = (node: Expression) =>
  node.kind === "binary" ? (node.op === "+" || node.op === "-" ? 1 : 2) : 3;

const spellings = { "+": ["+"], "-": ["-", "−"], "*": ["*", "×"], "/": ["/", "÷"] };

/** Prints with the fewest parentheses precedence and left-associativity allow, spelling and spacing drawn from `pick`. */
function print(node: Expression, pick: () => number): string {
  const space = () => ["", " ", "  "][pick() % 3] as string;
  const wrap = (child: Expression, needed: boolean) =>
    needed ? `(${space()}${print(child, pick)}${space()})` : print(child, pick);
  if (node.kind === "number") return node.text;
  if (node.kind === "negate")
    return `-${space()}${wrap(node.operand, node.operand.kind === "binary")}`;
  const own = precedence(node);
  const options = spellings[node.op];
  const op = options[pick() % options.length] as string;
  const left = wrap(node.left, precedence(node.left) < own);
  const right = wrap(node.right, precedence(node.right) <= own);
  return `${left}${space()}${op}${space()}${right}`;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** The exact value as the calculator writes it, or "DIVISION_BY_ZERO". */
function reference(node: Expression): [bigint, bigint] {
  if (node.kind === "number") return [node.num, node.den];
  if (node.kind === "negate") {
    const [num, den] = reference(node.operand);
    return [-num, den];
  }
  const [a, b] = reference(node.left);
  const [c, d] = reference(node.right);
  const raw: [bigint, bigint] =
    node.op === "+"
      ? [a * d + c * b, b * d]
      : node.op === "-"
        ? [a * d - c * b, b * d]
        : node.op === "*"
          ? [a * c, b * d]
          : [a * d, b * c];
  if (raw[1] === 0n) throw new RangeError("DIVISION_BY_ZERO");
  return raw;
}

function referenceText(node: Expression): string {
  try {
    const [rawNum, rawDen] = reference(node);
    const divisor = (rawDen < 0n ? -1n : 1n) * gcd(rawNum, rawDen);
    const [num, den] = [rawNum / divisor, rawDen / divisor];
    return den === 1n ? String(num) : `${num}/${den}`;
  } catch {
    return "DIVISION_BY_ZERO";
  }
}

describe("calculate against an independent rational reference", () => {
  it("agrees on random expressions printed with precedence, look-alike operators and spacing", () => {
    fc.assert(
      fc.property(
        expression,
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        (node, draws) => {
          let next = 0;
          const text = print(node, () => draws[next++ % draws.length] as number);
          const expected = referenceText(node);
          let actual: string;
          try {
            actual = calculate(text).exact;
          } catch (error) {
            if (!(error instanceof ToolError)) throw error;
            actual = error.code;
          }
          expect(actual, text).toBe(expected);
        },
      ),
      { numRuns: 2000, seed: 31 },
    );
  });
});
