import { EvaluationError } from "./errors.js";
import type { EvaluationOptions } from "./evaluation-options.js";
import { parseMethodList } from "./methods.js";

/**
 * The harness's flags as a command line hands them over: text, by flag name without `--`. An
 * empty text means "the harness's default" (`methods`, `budget`, `profile`).
 */
export interface EvaluationFlags {
  readonly model: string;
  readonly cases: string;
  readonly methods: string;
  readonly budgets: string;
  readonly budget: string;
  readonly seed: string;
  readonly out: string;
  readonly profile: string;
  readonly puzzles: string;
  readonly branching: string;
  readonly samples: string;
  readonly temperature: string;
  readonly "max-nodes": string;
  readonly concurrency: string;
  readonly threads: string;
}

/** The defaults of every command that runs the harness (`npm run bench -- eval`, `deliberate bench`). */
export const EVALUATION_FLAG_DEFAULTS: Readonly<EvaluationFlags> = Object.freeze({
  model: "synthetic:tiny",
  cases: "3",
  methods: "",
  budgets: "1s,2s,5s",
  budget: "",
  seed: "0",
  out: "bench-results/eval",
  profile: "",
  puzzles: "tot",
  branching: "8",
  samples: "10",
  temperature: "0.7",
  "max-nodes": "2000",
  concurrency: "4",
  threads: "1",
});

/** Reads a numeric flag; the harness's options check its range. */
export function readNumberFlag(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected --${flag} to be a number, got ${JSON.stringify(text)}.`,
      { field: flag },
    );
  }
  return value;
}

function readOneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected --${flag} to be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}.`,
      { field: flag },
    );
  }
  return text as T;
}

/**
 * Maps the harness's flags to the options of `runEvaluation`, all but the loaded model, so every
 * command reads `--cases 3 --methods io,tot-b1 --budgets 1s,2s` the same way.
 *
 * @example
 * ```ts
 * const options = buildEvaluationOptions({ ...EVALUATION_FLAG_DEFAULTS, methods: "io,tot-b1" });
 * checkEvaluationOptions(options);
 * ```
 */
export function buildEvaluationOptions(
  flags: Omit<EvaluationFlags, "out" | "threads">,
): Omit<EvaluationOptions, "model"> {
  return {
    modelSource: flags.model,
    cases: readNumberFlag("cases", flags.cases),
    caseSource: readOneOf("puzzles", flags.puzzles, ["tot", "random"] as const),
    ...(flags.profile
      ? { profile: readOneOf("profile", flags.profile, ["paper", "compact"] as const) }
      : {}),
    ...(flags.methods ? { methods: parseMethodList(flags.methods) } : {}),
    budgets: flags.budgets
      .split(",")
      .map((budget) => budget.trim())
      .filter((budget) => budget !== ""),
    ...(flags.budget ? { budget: flags.budget } : {}),
    seed: readNumberFlag("seed", flags.seed),
    branching: readNumberFlag("branching", flags.branching),
    samples: readNumberFlag("samples", flags.samples),
    temperature: readNumberFlag("temperature", flags.temperature),
    maxNodes: readNumberFlag("max-nodes", flags["max-nodes"]),
    concurrency: readNumberFlag("concurrency", flags.concurrency),
  };
}
