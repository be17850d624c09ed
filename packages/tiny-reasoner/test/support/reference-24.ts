/**
 * An exact Game-of-24 check written for the tests alone, sharing no code with `game24Check` or the
 * engine: a recursive-descent parser over `+ - * / ( )` and whole numbers, evaluated in BigInt
 * fractions. A test that compares the engine's claim with this cannot pass by asking the engine's
 * own checker twice.
 */

interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function ratio(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new Error("division by zero");
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

const apply: Record<string, (a: Ratio, b: Ratio) => Ratio> = {
  "+": (a, b) => ratio(a.num * b.den + b.num * a.den, a.den * b.den),
  "-": (a, b) => ratio(a.num * b.den - b.num * a.den, a.den * b.den),
  "*": (a, b) => ratio(a.num * b.num, a.den * b.den),
  "/": (a, b) => ratio(a.num * b.den, a.den * b.num),
};

/** Parses and evaluates `tokens` exactly; collects the number literals it meets in `literals`. */
function evaluate(tokens: readonly string[], literals: number[]): Ratio {
  let at = 0;
  const expression = (): Ratio => {
    let value = term();
    while (tokens[at] === "+" || tokens[at] === "-") {
      const op = tokens[at++] as string;
      value = (apply[op] as (a: Ratio, b: Ratio) => Ratio)(value, term());
    }
    return value;
  };
  const term = (): Ratio => {
    let value = factor();
    while (tokens[at] === "*" || tokens[at] === "/") {
      const op = tokens[at++] as string;
      value = (apply[op] as (a: Ratio, b: Ratio) => Ratio)(value, factor());
    }
    return value;
  };
  const factor = (): Ratio => {
    const token = tokens[at++];
    if (token === "(") {
      const value = expression();
      if (tokens[at++] !== ")") throw new Error("expected )");
      return value;
    }
    if (token === undefined || !/^\d+$/.test(token)) throw new Error(`unexpected ${token}`);
    literals.push(Number(token));
    return ratio(BigInt(token), 1n);
  };
  const value = expression();
  if (at !== tokens.length) throw new Error(`unexpected ${tokens[at]}`);
  return value;
}

/**
 * Whether `answer` (an expression, optionally followed by `= <claimed value>`, which is ignored)
 * uses exactly the numbers of `puzzle`, each once, and equals 24 exactly.
 *
 * @example
 * ```ts
 * makesExactly24("(13 - 9) * (10 - 4) = 24", [4, 9, 10, 13]); // true
 * makesExactly24("13 - 9 + 10 - 4 = 24", [4, 9, 10, 13]); // false: it is 10
 * ```
 */
export function makesExactly24(answer: string | undefined, puzzle: readonly number[]): boolean {
  if (answer === undefined) return false;
  const left = answer.split("=")[0] ?? "";
  const tokens = left.match(/\d+|[-+*/()]|\S/g) ?? [];
  const literals: number[] = [];
  let value: Ratio;
  try {
    value = evaluate(tokens, literals);
  } catch {
    return false;
  }
  const sorted = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b).join(" ");
  return sorted(literals) === sorted(puzzle) && value.num === 24n && value.den === 1n;
}
