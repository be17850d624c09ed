import type { Model } from "@deliberate/core";
import { createGame24Cases, type EvaluationCase } from "./cases.js";
import { EvaluationError } from "./errors.js";
import {
  type EvaluationOptions,
  type ParsedEvaluationOptions,
  parseEvaluationOptions,
  readDuration,
} from "./evaluation-options.js";
import type { EvaluationMethod, MethodSettings } from "./method.js";
import { getMethod } from "./methods.js";

/** Everything a run needs, resolved from its options before any model work. */
export interface EvaluationPlan {
  readonly options: ParsedEvaluationOptions;
  readonly model: Model;
  readonly modelSource: string;
  readonly randomWeights: boolean;
  readonly profile?: "paper" | "compact";
  readonly cases: readonly EvaluationCase[];
  /** The methods run on their own, in the table's order. */
  readonly methods: readonly EvaluationMethod[];
  /** Whether best-of-N is sized to and run beside each search. */
  readonly bestOfN: boolean;
  /** Think time of the table. */
  readonly budgetMs: number;
  /** Every think time run, ascending; the table's among them. */
  readonly budgetsMs: readonly number[];
  readonly settings: MethodSettings;
  readonly notes: readonly string[];
}

const RANDOM_WEIGHTS_NOTE =
  "The model has random weights: its proposals are legal moves only because the task's grammar " +
  "allows nothing else, drawn from an arbitrary and often sharply peaked distribution, and its " +
  "value judgments carry no information, so what this shows is the search, not the model.";

const UNCONSTRAINED_NOTE =
  "Single-pass replies are not constrained to legal moves, so a random model almost never writes " +
  "a checkable answer there.";

const SHARED_PROMPT_NOTE =
  "With the compact profile IO and CoT send the same one-line whole-trace prompt: their rows " +
  "differ only by sampling.";

function writeNotes(plan: Omit<EvaluationPlan, "notes">): string[] {
  const ids = new Set(plan.methods.map((method) => method.id));
  const singlePass = plan.methods.some((method) => method.kind === "single-pass");
  const notes: string[] = [];
  if (plan.randomWeights) notes.push(RANDOM_WEIGHTS_NOTE);
  if (plan.randomWeights && singlePass) notes.push(UNCONSTRAINED_NOTE);
  if (plan.profile === "compact" && ids.has("io") && ids.has("cot")) notes.push(SHARED_PROMPT_NOTE);
  return notes;
}

/** Validates the options and resolves cases, methods and think times. */
export function planEvaluation(input: EvaluationOptions): EvaluationPlan {
  const options = parseEvaluationOptions(input);
  const modelSource = options.modelSource ?? options.model.id;
  const randomWeights =
    options.randomWeights ??
    (/^synthetic:/.test(modelSource) || /synthetic/.test(options.model.id));
  const ownCases = Array.isArray(options.cases);
  const profile = ownCases
    ? undefined
    : (options.profile ?? (/^(synthetic|builtin):/.test(modelSource) ? "compact" : "paper"));
  const cases = Array.isArray(options.cases)
    ? options.cases
    : createGame24Cases({
        count: options.cases,
        profile,
        source: options.caseSource,
        seed: options.seed,
      });
  const curve = options.budgets.map((budget, i) => readDuration(budget, `budgets.${i}`));
  const budgetMs =
    options.budget === undefined
      ? curve.length === 0
        ? 10_000
        : Math.max(...curve)
      : readDuration(options.budget, "budget");
  const methods = options.methods.flatMap((id) => (id === "best-of-n" ? [] : [getMethod(id)]));
  const bestOfN = options.methods.includes("best-of-n");
  if (bestOfN && !methods.some((method) => method.kind === "search")) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected \`methods\` to hold a search (tot-b1, tot-b5, dfs or mcts) for best-of-n to match, got ${options.methods.join(",")}`,
      { field: "methods" },
    );
  }
  const plan = {
    options,
    model: options.model,
    modelSource,
    randomWeights,
    ...(profile ? { profile } : {}),
    cases,
    methods,
    bestOfN,
    budgetMs,
    budgetsMs: [...new Set([...curve, budgetMs])].sort((a, b) => a - b),
    settings: {
      temperature: options.temperature,
      branching: options.branching,
      samples: options.samples,
      maxNodes: options.maxNodes,
      concurrency: options.concurrency,
    },
  };
  return { ...plan, notes: writeNotes(plan) };
}

/** The seed of case `index`: the same in every method and at every think time. */
export function seedCase(seed: number, index: number): number {
  return (seed + 7919 * index) % 2 ** 31;
}

const UNLOADED_MODEL: Model = {
  id: "unloaded",
  generate: () => Promise.reject(new Error("the model is not loaded yet")),
};

/**
 * Checks every option but the model, so a command can reject a wrong flag before it spends
 * seconds loading one. Throws the same `INVALID_OPTION` errors as {@link runEvaluation}.
 *
 * @example
 * ```ts
 * checkEvaluationOptions({ budgets: ["1s", "soon"] }); // throws: `budgets.1` … got "soon"
 * ```
 */
export function checkEvaluationOptions(options: Omit<EvaluationOptions, "model">): void {
  planEvaluation({ ...options, model: UNLOADED_MODEL });
}
