import type { Model } from "@deliberate/core";
import { describeOptionIssue, describeValue, parseDuration } from "@deliberate/core/options";
import { z } from "zod";
import type { EvaluationCase } from "./cases.js";
import { EvaluationError } from "./errors.js";
import { METHOD_IDS } from "./method.js";
import { DEFAULT_METHODS } from "./methods.js";

const isModel = (value: unknown): value is Model =>
  typeof value === "object" && value !== null && "generate" in value;

const isCase = (value: unknown): value is EvaluationCase =>
  typeof value === "object" && value !== null && "createTask" in value && "checkAnswer" in value;

const Duration = z.union([z.number().nonnegative(), z.string().min(1)]);
const count = (max: number) => z.number().int().min(1).max(max);

/** Options of {@link runEvaluation}. */
export const EvaluationOptions = z.strictObject({
  /** The model every method runs on (load it with `@deliberate/llama`'s `loadModel`). */
  model: z.custom<Model>(isModel, { message: "a Model with generate()" }),
  /** How the model was named (`synthetic:tiny`, a path, `hf:…`), for the report. @default model.id */
  modelSource: z.string().optional(),
  /** A count of Game-of-24 puzzles, or cases of your own. @default 5 */
  cases: z
    .union([count(10_000), z.array(z.custom<EvaluationCase>(isCase, { message: "a case" })).min(1)])
    .default(5),
  /** With a count: the ToT test set (`tot`) or seeded puzzles outside it (`random`). @default "tot" */
  caseSource: z.enum(["tot", "random"]).default("tot"),
  /**
   * With a count: the prompt profile. @default "compact" for `synthetic:` and `builtin:` models
   * (small models trained on, or random over, one line a step), else "paper"
   */
  profile: z.enum(["paper", "compact"]).optional(),
  /** The task's name in the report; the paper's figures are printed for `game24`. @default "game24" */
  taskName: z.string().min(1).default("game24"),
  /** @default DEFAULT_METHODS */
  methods: z
    .array(z.enum(METHOD_IDS))
    .min(1)
    .default([...DEFAULT_METHODS]),
  /** Think times a case may take, one curve point each: `"1s"`, `2000`. @default ["1s", "2s", "5s", "10s"] */
  budgets: z.array(Duration).default(["1s", "2s", "5s", "10s"]),
  /** Think time of the table's run. @default the largest of `budgets`, else "10s" */
  budget: Duration.optional(),
  /** Base seed; case i runs with `seed + 7919 i` in every method. @default 0 */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 30)
    .default(0),
  /** Sampling temperature of every sampled call. @default 0.7 */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Children asked for each expanded state. @default 8 */
  branching: count(256).default(8),
  /** Samples of CoT self-consistency. @default 10 */
  samples: count(1000).default(10),
  /** Most nodes one search may grow, whatever its think time. @default 2000 */
  maxNodes: count(1_000_000).default(2000),
  /** Model calls in flight at once. @default 4 */
  concurrency: count(256).default(4),
  /** Whether the model has random weights. @default true for `synthetic:` models */
  randomWeights: z.boolean().optional(),
});
export type EvaluationOptions = z.input<typeof EvaluationOptions>;
export type ParsedEvaluationOptions = z.output<typeof EvaluationOptions>;

/** Validates options, naming the first wrong field, what it expected and what came. */
export function parseEvaluationOptions(input: EvaluationOptions): ParsedEvaluationOptions {
  const parsed = EvaluationOptions.safeParse(input);
  if (!parsed.success) {
    const { field, message } = describeOptionIssue(parsed.error, input);
    throw new EvaluationError("INVALID_OPTION", message, { field });
  }
  return parsed.data;
}

/** Reads a think time in milliseconds, naming the field when it is not one. */
export function readDuration(value: number | string, field: string): number {
  try {
    const ms = parseDuration(value, field);
    if (ms <= 0) throw new Error("not positive");
    return ms;
  } catch (error) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected \`${field}\` to be a think time above zero such as 1500, "2s" or "1m", got ${describeValue(value)}`,
      { field, cause: error },
    );
  }
}
