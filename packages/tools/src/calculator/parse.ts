import { ToolError } from "../errors.js";
import { type Fraction, readDecimalFraction } from "../fraction.js";
import type { Operator } from "../operator.js";
import { type Token, tokenizeArithmetic } from "./tokenize.js";

/** A parsed arithmetic expression. `position` is the 0-based offset of the node in the input. */
export type ArithmeticNode =
  | {
      readonly kind: "number";
      readonly value: Fraction;
      readonly text: string;
      readonly position: number;
    }
  | { readonly kind: "negate"; readonly operand: ArithmeticNode; readonly position: number }
  | {
      readonly kind: "binary";
      readonly op: Operator;
      readonly left: ArithmeticNode;
      readonly right: ArithmeticNode;
      readonly position: number;
    };

/** Limits that keep hostile input from exhausting time or the stack. */
export interface ParseArithmeticOptions {
  /** Longest input accepted, in characters. @default 10000 */
  readonly maxLength?: number;
  /** Deepest nesting of parentheses and signs accepted. @default 100 */
  readonly maxDepth?: number;
}

function describeToken(token: Token): string {
  switch (token.kind) {
    case "number":
      return `the number ${token.text}`;
    case "operator":
      return `"${token.op}"`;
    case "open":
      return `"("`;
    case "close":
      return `")"`;
    case "end":
      return "the end of the input";
  }
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly maxDepth: number,
  ) {}

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private fail(expected: string, token: Token, why = ""): never {
    throw new ToolError(
      "PARSE_ERROR",
      `Expected ${expected} at position ${token.position}${why}, got ${describeToken(token)}`,
      { position: token.position },
    );
  }

  parseAll(): ArithmeticNode {
    const node = this.parseSum(0);
    const next = this.peek();
    if (next.kind !== "end") this.fail("an operator or the end of the input", next);
    return node;
  }

  private parseSum(depth: number): ArithmeticNode {
    return this.parseChain(depth, ["+", "-"], (inner) => this.parseProduct(inner));
  }

  private parseProduct(depth: number): ArithmeticNode {
    return this.parseChain(depth, ["*", "/"], (inner) => this.parseUnary(inner));
  }

  /** One precedence level: operands joined, left to right, by any of `operators`. */
  private parseChain(
    depth: number,
    operators: readonly Operator[],
    parseOperand: (depth: number) => ArithmeticNode,
  ): ArithmeticNode {
    let left = parseOperand(depth);
    for (let t = this.peek(); t.kind === "operator" && operators.includes(t.op); t = this.peek()) {
      this.index++;
      left = { kind: "binary", op: t.op, left, right: parseOperand(depth), position: t.position };
    }
    return left;
  }

  private parseUnary(depth: number): ArithmeticNode {
    const token = this.peek();
    if (depth >= this.maxDepth) {
      throw new ToolError(
        "TOO_LARGE",
        `Expected at most ${this.maxDepth} nested parentheses or signs, got more at position ${token.position}`,
        { position: token.position },
      );
    }
    if (token.kind === "operator" && (token.op === "-" || token.op === "+")) {
      this.index++;
      const operand = this.parseUnary(depth + 1);
      return token.op === "-" ? { kind: "negate", operand, position: token.position } : operand;
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): ArithmeticNode {
    const token = this.peek();
    if (token.kind === "number") {
      this.index++;
      return {
        kind: "number",
        // The tokenizer gives only unsigned decimals, which always read.
        value: readDecimalFraction(token.text) as Fraction,
        text: token.text,
        position: token.position,
      };
    }
    if (token.kind === "open") {
      this.index++;
      const inner = this.parseSum(depth + 1);
      const close = this.peek();
      if (close.kind !== "close")
        this.fail('")"', close, ` to close the "(" at position ${token.position}`);
      this.index++;
      return inner;
    }
    return this.fail('a number, a sign or "("', token);
  }
}

/**
 * Parses arithmetic text (`+ - * / × ÷ x −`, parentheses, decimals) into a tree. Malformed input
 * throws a `PARSE_ERROR` {@link ToolError} naming the position and what was expected.
 *
 * @example
 * ```ts
 * parseArithmetic("(13 - 9) × (10 − 4)").kind; // "binary"
 * ```
 */
export function parseArithmetic(
  input: string,
  options: ParseArithmeticOptions = {},
): ArithmeticNode {
  const maxLength = options.maxLength ?? 10_000;
  if (typeof input !== "string") {
    throw new ToolError(
      "INVALID_INPUT",
      `Expected the expression as a string, got ${typeof input}`,
    );
  }
  if (input.length > maxLength) {
    throw new ToolError(
      "TOO_LARGE",
      `Expected an expression of at most ${maxLength} characters, got ${input.length}`,
    );
  }
  return new Parser(tokenizeArithmetic(input), options.maxDepth ?? 100).parseAll();
}
