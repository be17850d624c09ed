import { describe, expect, it } from "vitest";
import { parseAnytimeFlags } from "../src/anytime/anytime-flags.js";
import { parseMethodList, parseMethodSpec } from "../src/anytime/method-spec.js";
import { AnytimeUsageError } from "../src/anytime/usage-error.js";

function usageErrorOf(run: () => unknown): AnytimeUsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof AnytimeUsageError) return error;
    throw error;
  }
  throw new Error("Expected a usage error, got none");
}

describe("parseMethodSpec", () => {
  it("leaves strategy and evaluator to think() for default", () => {
    const spec = parseMethodSpec("default");
    expect(spec.strategy).toBeUndefined();
    expect(spec.evaluator).toBeUndefined();
    expect(spec.extra).toEqual({});
    expect(parseMethodSpec("default@eval=value-p").evaluator).toEqual({
      name: "value",
      probabilities: true,
    });
  });

  it("reads fixed shapes with their knobs", () => {
    expect(parseMethodSpec("beam:5:8").strategy).toEqual({ name: "beam", width: 5, branching: 8 });
    expect(parseMethodSpec("dfs:32:0.05").strategy).toEqual({
      name: "dfs",
      branching: 32,
      threshold: 0.05,
    });
    expect(parseMethodSpec("mcts:8").strategy).toEqual({ name: "mcts", branching: 8 });
    expect(parseMethodSpec("best-of-n:64")).toMatchObject({
      strategy: { name: "best-of-n", samples: 64 },
      evaluator: "verifier",
    });
    expect(parseMethodSpec("self-consistency:16").strategy).toEqual({
      name: "self-consistency",
      samples: 16,
    });
    expect(parseMethodSpec("greedy").strategy).toBe("greedy");
  });

  it("passes temperature, node cap, evaluator and +stop through", () => {
    const spec = parseMethodSpec("dfs:32:0.05@T=1.0@nodes=2000+stop");
    expect(spec.id).toBe("dfs:32:0.05@T=1.0@nodes=2000+stop");
    expect(spec.extra).toEqual({ temperature: 1, onExhausted: "stop" });
    expect(spec.nodes).toBe(2000);
    expect(parseMethodSpec("beam:5:8@eval=none").evaluator).toBeUndefined();
    expect(parseMethodSpec("beam:5:8").evaluator).toEqual({ name: "value", probabilities: true });
  });

  it("says what it expected for a bad spec", () => {
    expect(usageErrorOf(() => parseMethodSpec("beam:5")).message).toMatch(
      /Expected a method such as .*got "beam:5"/,
    );
    expect(usageErrorOf(() => parseMethodSpec("beam:0:8")).message).toMatch(
      /width .* integer from 1/,
    );
    expect(usageErrorOf(() => parseMethodSpec("dfs:8:1.5")).message).toMatch(
      /threshold .* from 0 to 1/,
    );
    expect(usageErrorOf(() => parseMethodSpec("default@T=hot")).message).toMatch(/@T/);
    expect(usageErrorOf(() => parseMethodSpec("default+go")).message).toMatch(/got "\+go"/);
    expect(usageErrorOf(() => parseMethodSpec("wander")).exitCode).toBe(2);
  });

  it("refuses a method named twice", () => {
    expect(usageErrorOf(() => parseMethodList("default,greedy,default")).message).toMatch(/twice/);
  });
});

describe("parseAnytimeFlags", () => {
  it("has the issue's defaults", () => {
    const flags = parseAnytimeFlags([]);
    expect(flags.model).toBe("builtin:tiny-reasoner");
    expect(flags.budgetsMs).toEqual([1000, 4000, 16000, 64000]);
    expect(flags.seeds).toEqual([1, 2, 3]);
    expect(flags.puzzles).toEqual({ set: "test", first: 0, setSeed: 7 });
    expect(flags.out).toBe("bench-results/anytime");
    expect([flags.shared, flags.resume, flags.reportOnly]).toEqual([false, false, false]);
  });

  it("reads every flag", () => {
    const flags = parseAnytimeFlags([
      "--model",
      "synthetic:tiny",
      "--methods",
      "default,beam:5:8",
      "--budgets",
      "10s,2s",
      "--seeds",
      "4",
      "--set",
      "tune",
      "--count",
      "50",
      "--set-seed",
      "9",
      "--first",
      "3",
      "--threads",
      "2",
      "--shared",
      "--resume",
      "--out",
      "o",
    ]);
    expect(flags.methods.map((m) => m.id)).toEqual(["default", "beam:5:8"]);
    expect(flags.budgetsMs).toEqual([2000, 10000]);
    expect(flags.puzzles).toEqual({ set: "tune", first: 3, count: 50, setSeed: 9 });
    expect([flags.threads, flags.shared, flags.resume, flags.out]).toEqual([2, true, true, "o"]);
  });

  it("names the flag, what it expects and what came", () => {
    expect(usageErrorOf(() => parseAnytimeFlags(["--budget", "1s"])).message).toMatch(
      /Unknown argument "--budget"/,
    );
    expect(usageErrorOf(() => parseAnytimeFlags(["--budgets", "1s,soon"])).message).toMatch(
      /durations .* got "soon"/,
    );
    expect(usageErrorOf(() => parseAnytimeFlags(["--budgets", "1s,,2s"])).message).toMatch(/empty/);
    expect(usageErrorOf(() => parseAnytimeFlags(["--seeds", "1,1"])).message).toMatch(/once/);
    expect(usageErrorOf(() => parseAnytimeFlags(["--seeds", "-1"])).message).toMatch(/--seeds/);
    expect(usageErrorOf(() => parseAnytimeFlags(["--set", "train"])).message).toMatch(
      /"test" or "tune", got "train"/,
    );
    expect(usageErrorOf(() => parseAnytimeFlags(["--count", "0"])).message).toMatch(/--count/);
    expect(usageErrorOf(() => parseAnytimeFlags(["--out"])).message).toMatch(/value after --out/);
    expect(usageErrorOf(() => parseAnytimeFlags(["--reference", "mcts:8"])).message).toMatch(
      /--reference/,
    );
    expect(usageErrorOf(() => parseAnytimeFlags(["--in", "a.jsonl"])).message).toMatch(
      /--report-only/,
    );
  });
});
