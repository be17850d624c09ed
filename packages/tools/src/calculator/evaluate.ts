import { ToolError } from "../errors.js";
import { approximateFraction, type Fraction, formatFraction, makeFraction } from "../fraction.js";
import { applyOperator } from "../operator.js";
import { type ArithmeticNode, type ParseArithmeticOptions, parseArithmetic } from "./parse.js";

/** Evaluates a parsed expression exactly. Division by zero names the position of the `/`. */
export function evaluateArithmetic(node: ArithmeticNode): Fraction {
  switch (node.kind) {
    case "number":
      return node.value;
    case "negate": {
      const value = evaluateArithmetic(node.operand);
      return makeFraction(-value.num, value.den);
    }
    case "binary": {
      const value = applyOperator(
        evaluateArithmetic(node.left),
        node.op,
        evaluateArithmetic(node.right),
      );
      if (value === undefined) {
        throw new ToolError(
          "DIVISION_BY_ZERO",
          `Expected a non-zero divisor for the "/" at position ${node.position}, got a divisor equal to 0`,
          { position: node.position },
        );
      }
      return value;
    }
  }
}

/** What {@link calculate} gives. */
export interface Calculation {
  readonly value: Fraction;
  /** Exact, as `"7/3"` or `"-6"`. */
  readonly exact: string;
  /** Decimal approximation to 10 places, for people. */
  readonly decimal: string;
}

/**
 * Evaluates arithmetic text exactly with rational numbers: no floating point, no `eval`.
 *
 * @example
 * ```ts
 * calculate("1 / 3 + 1 / 6").exact; // "1/2"
 * calculate("8 ÷ (3 − 8 ÷ 3)").exact; // "24"
 * ```
 */
export function calculate(input: string, options: ParseArithmeticOptions = {}): Calculation {
  const value = evaluateArithmetic(parseArithmetic(input, options));
  return { value, exact: formatFraction(value), decimal: approximateFraction(value) };
}
