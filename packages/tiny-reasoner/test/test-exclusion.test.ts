import {
  enumerateReachableGame24States,
  getGame24StateKey,
  loadGame24TestSet,
} from "@deliberate/tasks";
import { describe, expect, it } from "vitest";
import {
  DATASET_MIX,
  EXCLUDED_MIN_NUMBERS,
  generateDataset,
  listExcludedStates,
} from "../src/index.js";

const testPuzzles = loadGame24TestSet().map((testCase) => testCase.puzzle);
const excluded = listExcludedStates();

// Reads the states a line shows from its text alone, not from what the generator says it shows:
// every part between `|`, `>` and `:` that is nothing but numbers.
function readShownStates(line: string): string[] {
  return line
    .split(/[|>:]/)
    .map((part) => part.trim())
    .filter((part) => /^\d+(?: \d+)*$/.test(part))
    .map((part) => getGame24StateKey(part.split(" ")));
}

describe("the test-set exclusion", () => {
  it("covers every test puzzle and every state of three or more numbers reachable from one", () => {
    const reachable = enumerateReachableGame24States(testPuzzles);
    const expected = [...reachable].filter((key) => key.split(" ").length >= EXCLUDED_MIN_NUMBERS);
    expect(excluded.size).toBe(expected.length);
    for (const key of expected) expect(excluded.has(key)).toBe(true);
    for (const puzzle of testPuzzles) {
      expect(excluded.has(getGame24StateKey(puzzle.map(String)))).toBe(true);
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
