import type { EvaluatorOption, StrategyOption } from "@deliberate/core";
import { AnytimeUsageError } from "./usage-error.js";

/** One method of a run, read from a spec such as `beam:5:8`, `dfs:32:0.05@T=1.0@nodes=2000` or `default+stop`. */
export interface MethodSpec {
  /** The spec as written: the method's name in rows, tables and the chart. */
  readonly id: string;
  /** Absent for `default`: think() chooses its own search. */
  readonly strategy?: StrategyOption;
  /** Absent for `default` and with `@eval=none`: think() chooses its own evaluator. */
  readonly evaluator?: EvaluatorOption;
  /** Further think options (`temperature`, `onExhausted`…), passed through unchanged. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** A node cap beside the time budget (`@nodes=2000`). */
  readonly nodes?: number;
}

const SHAPES =
  "default, beam:W:K, dfs:K:THRESHOLD, best-first:K:BATCH, mcts:K, best-of-n:N, self-consistency:N, greedy";
const EVALUATORS: Readonly<Record<string, EvaluatorOption | undefined>> = {
  "value-p": { name: "value", probabilities: true },
  value: "value",
  verifier: "verifier",
  none: undefined,
};

function readInteger(spec: string, what: string, text: string | undefined, max: number): number {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value < 1 || value > max)
    throw new AnytimeUsageError(
      `Expected ${what} in method "${spec}" to be an integer from 1 to ${max}, got ${JSON.stringify(text ?? "")}`,
    );
  return value;
}

function readFraction(spec: string, what: string, text: string | undefined, max: number): number {
  const value = Number(text);
  if (
    text === undefined ||
    text.trim() === "" ||
    !Number.isFinite(value) ||
    value < 0 ||
    value > max
  )
    throw new AnytimeUsageError(
      `Expected ${what} in method "${spec}" to be a number from 0 to ${max}, got ${JSON.stringify(text ?? "")}`,
    );
  return value;
}

function readShape(spec: string, base: string): Pick<MethodSpec, "strategy" | "evaluator"> {
  const [name, ...args] = base.split(":");
  const arity: Readonly<Record<string, number>> = {
    default: 0,
    greedy: 0,
    beam: 2,
    dfs: 2,
    "best-first": 2,
    mcts: 1,
    "best-of-n": 1,
    "self-consistency": 1,
  };
  const expected = arity[name ?? ""];
  if (expected === undefined || args.length !== expected)
    throw new AnytimeUsageError(`Expected a method such as ${SHAPES}, got "${spec}"`);
  const value = { name: "value", probabilities: true } as const;
  const int = (i: number, what: string) => readInteger(spec, what, args[i], 10_000);
  switch (name) {
    case "default":
      return {};
    case "greedy":
      return { strategy: "greedy", evaluator: "verifier" };
    case "beam":
      return {
        strategy: { name: "beam", width: int(0, "width"), branching: int(1, "branching") },
        evaluator: value,
      };
    case "dfs":
      return {
        strategy: {
          name: "dfs",
          branching: int(0, "branching"),
          threshold: readFraction(spec, "threshold", args[1], 1),
        },
        evaluator: value,
      };
    case "best-first":
      return {
        strategy: { name: "best-first", branching: int(0, "branching"), batch: int(1, "batch") },
        evaluator: value,
      };
    case "mcts":
      return { strategy: { name: "mcts", branching: int(0, "branching") }, evaluator: value };
    case "best-of-n":
      return { strategy: { name: "best-of-n", samples: int(0, "samples") }, evaluator: "verifier" };
    default:
      return {
        strategy: { name: "self-consistency", samples: int(0, "samples") },
        evaluator: "verifier",
      };
  }
}

/**
 * Reads one method spec: a shape (`default`, `beam:5:8`, `dfs:32:0.05`, `mcts:8`, `best-of-n:64`,
 * `self-consistency:16`, `greedy`), then any of `@T=<temperature>`, `@nodes=<cap>`,
 * `@eval=value-p|value|verifier|none` and `+stop` (`onExhausted: "stop"`: the fixed shape only).
 * `default` passes neither strategy nor evaluator (think()'s own defaults); the fixed searches
 * judge states with the model's P(word) (`value-p`); sampling baselines with the verifier.
 *
 * @example
 * ```ts
 * parseMethodSpec("dfs:32:0.05@T=1.0").extra; // { temperature: 1 }
 * ```
 */
export function parseMethodSpec(spec: string): MethodSpec {
  const parts = spec.trim().split(/(?=[@+])/);
  const base = parts[0] ?? "";
  const shape = readShape(spec, base);
  const extra: Record<string, unknown> = {};
  let evaluator = shape.evaluator;
  let nodes: number | undefined;
  for (const part of parts.slice(1)) {
    const [key, value] = part.slice(1).split("=");
    if (part === "+stop") extra.onExhausted = "stop";
    else if (part.startsWith("@") && key === "T")
      extra.temperature = readFraction(spec, "@T", value, 2);
    else if (part.startsWith("@") && key === "nodes")
      nodes = readInteger(spec, "@nodes", value, 10_000_000);
    else if (part.startsWith("@") && key === "eval" && value !== undefined && value in EVALUATORS)
      evaluator = EVALUATORS[value];
    else
      throw new AnytimeUsageError(
        `Expected options such as @T=1.0, @nodes=2000, @eval=value-p|value|verifier|none or +stop after "${base}", got "${part}" in "${spec}"`,
      );
  }
  return {
    id: spec.trim(),
    ...(shape.strategy === undefined ? {} : { strategy: shape.strategy }),
    ...(evaluator === undefined ? {} : { evaluator }),
    extra,
    ...(nodes === undefined ? {} : { nodes }),
  };
}

/** Reads a comma list of method specs; names must be distinct. */
export function parseMethodList(text: string): MethodSpec[] {
  const specs = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (specs.length === 0)
    throw new AnytimeUsageError(`Expected --methods to name at least one method (${SHAPES})`);
  const twice = specs.find((s, i) => specs.indexOf(s) !== i);
  if (twice)
    throw new AnytimeUsageError(`Expected each method once in --methods, got "${twice}" twice`);
  return specs.map(parseMethodSpec);
}
