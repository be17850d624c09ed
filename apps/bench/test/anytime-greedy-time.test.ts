import { describe, expect, it } from "vitest";
import { collectGreedyTimes, compareToGreedyTime } from "../src/anytime/greedy-time.js";
import type { RunRecord } from "../src/anytime/run-record.js";
import { summarizeRuns } from "../src/anytime/summarize-runs.js";

const row = (method: string, puzzle: string, solved: boolean, seconds: number) =>
  ({ method, puzzle, solved, seconds, budgetMs: 64_000, seed: 1, set: "test" }) as RunRecord;

describe("compareToGreedyTime", () => {
  const records = [
    row("greedy", "a", true, 0.2),
    row("greedy", "b", true, 0.1),
    row("greedy", "c", false, 0.1),
    row("default", "a", true, 0.3),
    row("default", "b", true, 0.5),
    row("default", "c", true, 9),
  ];

  it("compares only the puzzles greedy solved, each with greedy's own time", () => {
    const times = collectGreedyTimes(records);
    expect([...times.keys()]).toEqual(["a", "b"]);
    const ratio = compareToGreedyTime(records.slice(3), times);
    expect(ratio).toMatchObject({ runs: 2, withinTwice: 1, solved: 2 });
    expect(ratio?.medianRatio).toBeCloseTo(3.25, 12);
    expect(ratio?.maxRatio).toBeCloseTo(5, 12);
  });

  it("appears in the summary for every method but greedy", () => {
    const rows = summarizeRuns(records, "default");
    expect(rows.find((r) => r.method === "greedy")?.greedyTime).toBeUndefined();
    expect(rows.find((r) => r.method === "default")?.greedyTime?.withinTwice).toBe(1);
  });
});
