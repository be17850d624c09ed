import { ToolError } from "../errors.js";
import { type Operator, readOperator } from "../operator.js";

/** A token with the 0-based offset where it starts, for error messages. */
export type Token =
  | { readonly kind: "number"; readonly text: string; readonly position: number }
  | { readonly kind: "operator"; readonly op: Operator; readonly position: number }
  | { readonly kind: "open" | "close"; readonly position: number }
  | { readonly kind: "end"; readonly position: number };

const WHITESPACE = /\s/;
const DIGIT = /[0-9]/;

function readNumber(input: string, start: number): string {
  let end = start;
  while (end < input.length && DIGIT.test(input[end] as string)) end++;
  if (input[end] === "." && DIGIT.test(input[end + 1] ?? "")) {
    end++;
    while (end < input.length && DIGIT.test(input[end] as string)) end++;
  }
  return input.slice(start, end);
}

function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 32 || code === 127 ? `U+${code.toString(16).padStart(4, "0")}` : `"${char}"`;
}

/**
 * Splits arithmetic text into tokens. Numbers are unsigned decimals (`12`, `0.5`); a sign is an
 * operator the parser reads as unary.
 */
export function tokenizeArithmetic(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] as string;
    const op = readOperator(char);
    if (WHITESPACE.test(char)) {
      i++;
    } else if (DIGIT.test(char) || (char === "." && DIGIT.test(input[i + 1] ?? ""))) {
      const text = readNumber(input, i);
      tokens.push({ kind: "number", text, position: i });
      i += text.length;
    } else if (char === "(" || char === ")") {
      tokens.push({ kind: char === "(" ? "open" : "close", position: i });
      i++;
    } else if (op !== undefined) {
      tokens.push({ kind: "operator", op, position: i });
      i++;
    } else {
      const shown = String.fromCodePoint(input.codePointAt(i) ?? 0);
      throw new ToolError(
        "PARSE_ERROR",
        `Expected a number, an operator (+ - * / × ÷) or a parenthesis at position ${i}, got ${describeChar(shown)}`,
        { position: i },
      );
    }
  }
  tokens.push({ kind: "end", position: input.length });
  return tokens;
}
