import { describe, expect, it } from "vitest";
import { CliError, ExitCode } from "../src/cli-error.js";
import { buildStrategy, buildThinkOptions } from "../src/options/build-think-options.js";
import type { ThinkFlags } from "../src/options/think-flags.js";

const base: ThinkFlags = {
  model: "synthetic:tiny",
  think: 30_000,
  strategy: "beam",
  seed: 0,
  threads: 1,
};

describe("buildStrategy", () => {
  it("passes the bare name when no knob is set", () => {
    expect(buildStrategy(base)).toBe("beam");
  });

  it("attaches the knobs a strategy takes", () => {
    expect(buildStrategy({ ...base, width: 3, branching: 4 })).toEqual({
      name: "beam",
      width: 3,
      branching: 4,
    });
    expect(buildStrategy({ ...base, strategy: "dfs", threshold: 0.4 })).toEqual({
      name: "dfs",
      threshold: 0.4,
    });
    expect(buildStrategy({ ...base, strategy: "best-of-n", samples: 20 })).toEqual({
      name: "best-of-n",
      samples: 20,
    });
  });

  it("refuses a knob the strategy has no use for, as a usage error", () => {
    const build = () => buildStrategy({ ...base, strategy: "greedy", samples: 3 });
    expect(build).toThrow(CliError);
    expect(build).toThrow(
      "--samples applies to the best-of-n, self-consistency strategies, not to --strategy greedy.",
    );
    try {
      build();
    } catch (error) {
      expect((error as CliError).exitCode).toBe(ExitCode.usage);
    }
  });
});

describe("buildThinkOptions", () => {
  it("turns --think, --tokens and --nodes into the budget", () => {
    const options = buildThinkOptions({ ...base, think: 2000, tokens: 500, nodes: 40 });
    expect(options.budget).toEqual({ time: 2000, tokens: 500, nodes: 40 });
  });

  it("lets flags override the command's defaults and leaves unset flags out", () => {
    const options = buildThinkOptions(
      { ...base, evaluator: "vote", depth: 4 },
      { evaluator: "value", temperature: 1 },
    );
    expect(options).toMatchObject({ evaluator: "vote", maxDepth: 4, temperature: 1, seed: 0 });
    expect(buildThinkOptions(base)).not.toHaveProperty("evaluator");
  });

  it("reads votes from log-probabilities on a model behind an OpenAI-compatible engine", () => {
    const remote = {
      ...base,
      model: "openai:http://127.0.0.1:8000/v1/m",
      evaluator: "vote" as const,
    };
    expect(buildThinkOptions(remote).evaluator).toEqual({ name: "vote", probabilities: true });
    expect(buildThinkOptions({ ...base, evaluator: "vote" }).evaluator).toBe("vote");
  });
});
