import {
  calculate,
  equalFractions,
  formatFraction,
  OPERATOR_CLASS,
  ToolError,
} from "@deliberate/tools";

// A calculation inside a line: arithmetic on the left of "=", a number on the right. The operator
// symbols are the calculator's own, so every calculation found is one the calculator reads.
const CALCULATION = new RegExp(
  String.raw`((?:[\d.]+|${OPERATOR_CLASS}|[()]|\s)+)=\s*(-?\$?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?)`,
  "g",
);
const OPERATOR = new RegExp(OPERATOR_CLASS);

/**
 * Checks every calculation written in a step (`3 * 12 = 36`) with the exact calculator. Returns
 * why the first wrong one is wrong, or `undefined` when all are right (or there are none).
 *
 * @example
 * ```ts
 * findWrongCalculation("So 3 * 12 = 35 apples"); // "expected 3 * 12 = 36, got 35"
 * ```
 */
export function findWrongCalculation(line: string): string | undefined {
  for (const match of line.matchAll(CALCULATION)) {
    const left = (match[1] ?? "").trim();
    if (!/\d/.test(left) || !OPERATOR.test(left.replace(/^-/, ""))) continue;
    try {
      const expected = calculate(left, { maxLength: 200 }).value;
      const claimed = calculate((match[2] ?? "").replace(/[$,\s]/g, ""), { maxLength: 60 }).value;
      if (!equalFractions(expected, claimed)) {
        return `expected ${left} = ${formatFraction(expected)}, got ${formatFraction(claimed)}`;
      }
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      if (error.code === "DIVISION_BY_ZERO") return `expected a non-zero divisor in ${left}`;
    }
  }
  return undefined;
}
