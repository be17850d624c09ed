import {
  type Fraction,
  OPERATOR_CLASS,
  type Operator,
  readDecimalFraction,
  readOperator,
} from "@deliberate/tools";

/** A step as written, before it is matched against the numbers left. */
export interface WrittenGame24Step {
  readonly a: Fraction;
  readonly op: Operator;
  readonly b: Fraction;
  readonly result: Fraction;
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:\s*\/\s*\d+)?`;
const OPERAND = String.raw`\(\s*${NUMBER}\s*\)|-?\d+(?:\.\d+)?`;
const STEP = new RegExp(
  String.raw`^\s*(?:(?:step\s*)?\d+[.:)]\s+)?(${OPERAND})\s*(${OPERATOR_CLASS})\s*(${OPERAND})\s*=\s*(${NUMBER}|\(\s*${NUMBER}\s*\))\s*(.*)$`,
  "is",
);
const REST = /^(?:\(\s*left\s*:[^)]*\)|\|[\d\s/.-]*)?\s*$/i;

/** An operand or result as written, `(7 / 3)` or `-1.5`, without its parentheses and spaces. */
function readNumber(text: string): Fraction | undefined {
  return readDecimalFraction(text.replace(/[()\s]/g, ""));
}

/**
 * Reads one step, `a op b = c`, in either profile's format: `13 - 9 = 4 (left: 4 4 10)`,
 * `13-9=4 | 4 4 10`, `2. 8 / 2 = 4`. Operands that are negative or fractional are written in
 * parentheses, `(7/3)`; results may be bare, `7/3`. The numbers-left tail, when present, is
 * ignored: the task computes it. Returns why the text is not a step instead of throwing.
 */
export function parseGame24Step(text: string): WrittenGame24Step | { readonly error: string } {
  if (typeof text !== "string") return { error: "expected the step as text" };
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  if (line.length > 200)
    return { error: `expected a step like "13 - 9 = 4", got ${line.length} characters` };
  const match = STEP.exec(line);
  if (match === null) {
    return {
      error: `expected a step like "13 - 9 = 4", got ${JSON.stringify(line.trim().slice(0, 60))}`,
    };
  }
  const [, aText = "", opText = "", bText = "", resultText = "", rest = ""] = match;
  if (!REST.test(rest)) {
    return {
      error: `expected nothing or the numbers left after the result, got ${JSON.stringify(rest.slice(0, 40))}`,
    };
  }
  const a = readNumber(aText);
  const b = readNumber(bText);
  const result = readNumber(resultText);
  const op = readOperator(opText);
  if (a === undefined || b === undefined || result === undefined || op === undefined) {
    return { error: `expected exact numbers in ${JSON.stringify(line.trim().slice(0, 60))}` };
  }
  return { a, op, b, result };
}
