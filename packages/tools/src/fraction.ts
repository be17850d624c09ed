import { ToolError } from "./errors.js";

/** An exact rational number: `num / den` in lowest terms, `den` always positive. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * Makes a fraction in lowest terms.
 *
 * @example
 * ```ts
 * formatFraction(makeFraction(6n, -4n)); // "-3/2"
 * ```
 */
export function makeFraction(num: bigint | number, den: bigint | number = 1n): Fraction {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new ToolError("DIVISION_BY_ZERO", `Expected a non-zero denominator, got 0`);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

/** `a + b`, exact. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return makeFraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** `a - b`, exact. */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return makeFraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** `a × b`, exact. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return makeFraction(a.num * b.num, a.den * b.den);
}

/** Divides `a` by `b`; a zero `b` throws a `DIVISION_BY_ZERO` {@link ToolError}. */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new ToolError("DIVISION_BY_ZERO", "Expected a non-zero divisor, got 0");
  return makeFraction(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`: a comparator for `sort`. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const diff = a.num * b.den - b.num * a.den;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

/** Whether `a` and `b` are the same number (both are in lowest terms). */
export function equalFractions(a: Fraction, b: Fraction): boolean {
  return a.num === b.num && a.den === b.den;
}

/** Whether `a` is a whole number. */
export function isIntegerFraction(a: Fraction): boolean {
  return a.den === 1n;
}

/** `"7/3"`, `"-6"`, `"24"`: the JSON-friendly form {@link parseFraction} reads back. */
export function formatFraction(a: Fraction): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

const FRACTION_TEXT = /^(-?\d+)(?:\/(\d+))?$/;

/**
 * Reads `"7/3"`, `"-6"` or `"24"`; anything else throws an `INVALID_INPUT` {@link ToolError}.
 *
 * @example
 * ```ts
 * parseFraction("14/6"); // { num: 7n, den: 3n }
 * ```
 */
export function parseFraction(text: string): Fraction {
  const match = FRACTION_TEXT.exec(text.trim());
  if (match === null) {
    throw new ToolError(
      "INVALID_INPUT",
      `Expected a fraction like "7/3" or "-6", got ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  return makeFraction(BigInt(match[1] as string), BigInt(match[2] ?? "1"));
}

const DECIMAL_TEXT = /^(-?)(\d*)(?:\.(\d+))?(?:\/(\d+))?$/;

/**
 * Reads a number as people and models write it, exactly: `"12"`, `"-0.5"`, `".25"`, `"7/3"`,
 * `"1.5/4"`. Gives `undefined` for anything else, a zero denominator included, so a reader of
 * model text can say why in its own words.
 *
 * @example
 * ```ts
 * readDecimalFraction("0.1"); // { num: 1n, den: 10n }
 * readDecimalFraction("7/0"); // undefined
 * ```
 */
export function readDecimalFraction(text: string): Fraction | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  const [, sign, whole = "", decimals = "", bottom = "1"] = match;
  if (whole === "" && decimals === "") return undefined;
  const den = BigInt(bottom) * 10n ** BigInt(decimals.length);
  if (den === 0n) return undefined;
  return makeFraction(BigInt(`${whole}${decimals}`) * (sign === "-" ? -1n : 1n), den);
}

/** A decimal approximation for people to read, with up to `digits` digits after the point. */
export function approximateFraction(a: Fraction, digits = 10): string {
  const negative = a.num < 0n;
  const n = negative ? -a.num : a.num;
  const whole = n / a.den;
  let rest = n % a.den;
  let decimals = "";
  for (let i = 0; i < digits && rest !== 0n; i++) {
    rest *= 10n;
    decimals += (rest / a.den).toString();
    rest %= a.den;
  }
  const text = decimals === "" ? whole.toString() : `${whole}.${decimals}`;
  return negative && text !== "0" ? `-${text}` : text;
}
