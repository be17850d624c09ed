import { evaluateArithmetic } from "./calculator/evaluate.js";
import type { ArithmeticNode } from "./calculator/parse.js";
import { parseArithmetic } from "./calculator/parse.js";
import { ToolError } from "./errors.js";
import { equalFractions, formatFraction, makeFraction } from "./fraction.js";

/** The verdict of {@link game24Check}. */
export interface Game24Verdict {
  /** `true` only when the expression uses each given number once, no other, and equals 24. */
  readonly ok: boolean;
  /** The exact value of the expression, when it parsed and evaluated. */
  readonly value?: string;
  /** Why it is not a solution; absent when `ok`. */
  readonly reason?: string;
}

function collectNumbers(node: ArithmeticNode, into: string[]): string | undefined {
  if (node.kind === "number") {
    if (node.value.den !== 1n)
      return `uses the non-integer ${node.text} at position ${node.position}`;
    into.push(node.value.num.toString());
    return undefined;
  }
  if (node.kind === "negate") return `uses a unary minus at position ${node.position}`;
  return collectNumbers(node.left, into) ?? collectNumbers(node.right, into);
}

function checkNumbersArgument(numbers: readonly number[]): void {
  const valid =
    Array.isArray(numbers) &&
    numbers.length > 0 &&
    numbers.every((n) => Number.isSafeInteger(n) && n >= 0);
  if (!valid) {
    throw new ToolError(
      "INVALID_INPUT",
      `Expected the puzzle as an array of non-negative integers, got ${JSON.stringify(numbers)?.slice(0, 60)}`,
    );
  }
}

function compareIntegerTexts(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function splitClaim(expression: string): { left: string; claim?: string } {
  const at = expression.indexOf("=");
  if (at < 0) return { left: expression };
  return { left: expression.slice(0, at), claim: expression.slice(at + 1) };
}

/**
 * Checks a Game-of-24 answer exactly: the expression must use each of `numbers` exactly once and
 * no other number, only `+ - * /` and parentheses, and equal 24 as a fraction. A trailing
 * `= 24` is accepted. Malformed text gives a failing verdict with the reason, never a throw; only a
 * malformed `numbers` argument throws.
 *
 * @example
 * ```ts
 * game24Check("8 / (3 - 8 / 3)", [3, 3, 8, 8]); // { ok: true, value: "24" }
 * game24Check("(4 + 8) * (6 - 4) + 1", [4, 4, 6, 8]).ok; // false
 * ```
 */
export function game24Check(
  expression: string,
  numbers: readonly number[],
  target = 24,
): Game24Verdict {
  checkNumbersArgument(numbers);
  if (typeof expression !== "string")
    return { ok: false, reason: "expected the expression as a string" };
  const { left, claim } = splitClaim(expression);
  try {
    if (claim !== undefined && claim.trim() !== String(target)) {
      return {
        ok: false,
        reason: `expected "= ${target}" after the expression, got "=${claim.slice(0, 20)}"`,
      };
    }
    const tree = parseArithmetic(left, { maxLength: 1000, maxDepth: 30 });
    const used: string[] = [];
    const misuse = collectNumbers(tree, used);
    const exact = evaluateArithmetic(tree);
    const value = formatFraction(exact);
    if (misuse !== undefined) return { ok: false, value, reason: `expression ${misuse}` };
    const expected = numbers.map(String).sort(compareIntegerTexts);
    const got = [...used].sort(compareIntegerTexts);
    if (expected.join(" ") !== got.join(" ")) {
      return {
        ok: false,
        value,
        reason: `expected the numbers ${expected.join(" ")} each once, got ${got.join(" ") || "none"}`,
      };
    }
    if (!equalFractions(exact, makeFraction(target))) {
      return { ok: false, value, reason: `expected the value ${target}, got ${value}` };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ToolError) return { ok: false, reason: error.message };
    throw error;
  }
}
