import {
  addFractions,
  divideFractions,
  type Fraction,
  multiplyFractions,
  subtractFractions,
} from "./fraction.js";

/** The four operators after their look-alikes (`x`, `X`, `×`, `÷`, `−`) are folded in. */
export type Operator = "+" | "-" | "*" | "/";

/** The four operators, in the order moves and successors are listed. */
export const OPERATORS: readonly Operator[] = ["+", "-", "*", "/"];

// Models and people write multiplication and division in more ways than ASCII has; every reader of
// arithmetic (the calculator, the Game-of-24 steps, the word-problem checks) folds the same ones.
const ALIASES: Readonly<Record<string, Operator>> = {
  "+": "+",
  "-": "-",
  "−": "-",
  "*": "*",
  x: "*",
  X: "*",
  "×": "*",
  "/": "/",
  "÷": "/",
};

/**
 * A regular-expression character class matching any operator symbol, look-alikes included, for
 * finding arithmetic in text, as in `new RegExp("\\d\\s*" + OPERATOR_CLASS + "\\s*\\d")`.
 */
export const OPERATOR_CLASS = `[${Object.keys(ALIASES)
  .map((symbol) => (/[-\\\]^]/.test(symbol) ? `\\${symbol}` : symbol))
  .join("")}]`;

/**
 * The operator a symbol stands for, look-alikes folded in; `undefined` for anything else.
 *
 * @example
 * ```ts
 * readOperator("×"); // "*"
 * readOperator("^"); // undefined
 * ```
 */
export function readOperator(symbol: string): Operator | undefined {
  return Object.hasOwn(ALIASES, symbol) ? ALIASES[symbol] : undefined;
}

/**
 * `a op b`, exact; `undefined` for a division by zero, which each caller reports its own way (the
 * calculator names the position, a Game-of-24 step is invalid, a move is not legal).
 *
 * @example
 * ```ts
 * formatFraction(applyOperator(makeFraction(8), "/", makeFraction(3)) as Fraction); // "8/3"
 * ```
 */
export function applyOperator(a: Fraction, op: Operator, b: Fraction): Fraction | undefined {
  if (op === "+") return addFractions(a, b);
  if (op === "-") return subtractFractions(a, b);
  if (op === "*") return multiplyFractions(a, b);
  return b.num === 0n ? undefined : divideFractions(a, b);
}
