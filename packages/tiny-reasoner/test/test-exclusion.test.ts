import { getGame24StateKey, loadGame24TestSet } from "@deliberate/tasks";
import { describe, expect, it } from "vitest";
import {
  DATASET_MIX,
  EXCLUDED_MIN_NUMBERS,
  generateDataset,
  listExcludedStates,
} from "../src/index.js";

const testPuzzles = loadGame24TestSet().map((testCase) => testCase.puzzle);
const excluded = listExcludedStates();
/** How many states the independent enumeration below finds with three numbers or more. */
const EXPECTED_EXCLUDED = 2215;

// Reads the states a line shows from its text alone, not from what the generator says it shows:
// every part between `|`, `>` and `:` that is nothing but numbers.
function readShownStates(line: string): string[] {
  return line
    .split(/[|>:]/)
    .map((part) => part.trim())
    .filter((part) => /^\d+(?: \d+)*$/.test(part))
    .map((part) => getGame24StateKey(part.split(" ")));
}

// An enumeration of the reachable states written here from the rules of the game, sharing no
// code with the implementation (no tasks solver, no tools fractions): exact rationals as BigInt
// pairs, every ordered pair of numbers, + - * / with division by zero skipped.
type Rational = readonly [num: bigint, den: bigint];

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function rational(num: bigint, den: bigint): Rational {
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return [(sign * num) / divisor, (sign * den) / divisor];
}

function combine([a, b]: Rational, [c, d]: Rational): Rational[] {
  const results = [rational(a * d + c * b, b * d), rational(a * d - c * b, b * d)];
  results.push(rational(a * c, b * d));
  if (c !== 0n) results.push(rational(a * d, b * c));
  return results;
}

/** The key of a multiset of rationals: ascending by value, `7/3` or `-6`, space-separated. */
function keyOf(values: readonly Rational[]): string {
  return [...values]
    .sort(([a, b], [c, d]) => (a * d < c * b ? -1 : a * d > c * b ? 1 : 0))
    .map(([num, den]) => (den === 1n ? `${num}` : `${num}/${den}`))
    .join(" ");
}

function enumerateIndependently(puzzles: readonly (readonly number[])[]): Set<string> {
  const seen = new Set<string>();
  const stack: Rational[][] = puzzles.map((puzzle) => puzzle.map((n) => rational(BigInt(n), 1n)));
  while (stack.length > 0) {
    const values = stack.pop() as Rational[];
    const key = keyOf(values);
    if (seen.has(key)) continue;
    seen.add(key);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const rest = values.filter((_, k) => k !== i && k !== j);
        for (const made of combine(values[i] as Rational, values[j] as Rational)) {
          stack.push([...rest, made]);
        }
      }
    }
  }
  return seen;
}

describe("the test-set exclusion", () => {
  it("is exactly the test puzzles and every state of three or more numbers reachable from one", () => {
    const reachable = enumerateIndependently(testPuzzles);
    const expected = new Set([...reachable].filter((key) => key.split(" ").length >= 3));
    // Pinned from this enumeration; docs/tiny-reasoner.md gives the same 2,215.
    expect(expected.size).toBe(EXPECTED_EXCLUDED);
    expect(EXCLUDED_MIN_NUMBERS).toBe(3);
    expect([...excluded].filter((key) => !expected.has(key))).toEqual([]);
    expect([...expected].filter((key) => !excluded.has(key))).toEqual([]);
    for (const puzzle of testPuzzles) {
      expect(excluded.has(getGame24StateKey(puzzle.map(String)))).toBe(true);
    }
    // Spot checks by hand on test puzzle 901 (4 5 6 10): 10-4=6, 5-6=-1, 4/6=2/3.
    for (const key of ["4 5 6 10", "5 6 6", "-1 4 10", "2/3 5 10"]) {
      expect(excluded.has(key), key).toBe(true);
    }
  });

  it("keeps every excluded state out of the lines the committed model was trained on", () => {
    // The generator is a seeded stream: its first lines at seed 24 are the first training lines.
    let lines = 0;
    for (const example of generateDataset({ count: 2000, seed: 24, excluded })) {
      const shown = readShownStates(`${example.prompt}${example.completion}`);
      expect(shown.length).toBeGreaterThan(0);
      for (const key of shown) expect(excluded.has(key), key).toBe(false);
      lines += 1;
    }
    expect(lines).toBe(2000);
  });

  it("draws the three kinds of line in the planned mix despite the rejections", () => {
    const counts = { proposal: 0, value: 0, trace: 0 };
    for (const example of generateDataset({ count: 2000, seed: 5, excluded })) {
      counts[example.kind] += 1;
    }
    for (const kind of ["proposal", "value", "trace"] as const) {
      expect(counts[kind], kind).toBeGreaterThan(0.85 * DATASET_MIX[kind] * 2000);
      expect(counts[kind], kind).toBeLessThan(1.15 * DATASET_MIX[kind] * 2000);
    }
  });

  it("at level 2 (the no-2 model's data) also keeps the reachable 2-number states out", () => {
    const strict = listExcludedStates(2);
    const pairs = [...strict].filter((key) => key.split(" ").length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    for (const key of excluded) expect(strict.has(key), key).toBe(true);
    expect(strict.size).toBe(excluded.size + pairs.length);
    for (const example of generateDataset({ count: 1000, seed: 24, excluded: strict })) {
      for (const key of readShownStates(`${example.prompt}${example.completion}`)) {
        expect(strict.has(key), key).toBe(false);
      }
    }
  });
});
