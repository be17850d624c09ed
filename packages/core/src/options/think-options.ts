import { z } from "zod";
import { Budget } from "../budget/budget.js";
import type { SearchSnapshot } from "../engine/search-run.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import type { VerifyFunction } from "../evaluators/verifier.js";
import type { Model } from "../model/model.js";
import type { Strategy } from "../strategies/strategy.js";
import type { SearchEvent } from "../tree/schema.js";
import { integerIn } from "./integer.js";

const count = (max: number) => integerIn(1, max);

const isStrategy = (value: unknown): value is Strategy =>
  typeof value === "object" &&
  value !== null &&
  "select" in value &&
  "update" in value &&
  "init" in value;

/** The strategies that come with deliberate, by name. */
export const StrategyName = z.enum([
  "anytime",
  "beam",
  "dfs",
  "best-first",
  "mcts",
  "best-of-n",
  "self-consistency",
  "greedy",
  "sample",
]);
export type StrategyName = z.infer<typeof StrategyName>;

/** The knobs of the sampling baselines, best-of-n and self-consistency. */
const samplesFields = {
  samples: count(10_000).optional(),
  chunk: count(256).optional(),
};

/** A strategy by name with its defaults, by name with options, or a strategy object of your own. */
export const StrategyOption = z.union([
  StrategyName,
  z.discriminatedUnion("name", [
    z.strictObject({
      name: z.literal("anytime"),
      branching: count(256).optional(),
      maxBranching: count(256).optional(),
      threshold: z.number().min(0).max(1).optional(),
      probe: z.boolean().optional(),
      rollouts: z.boolean().optional(),
    }),
    z.strictObject({
      name: z.literal("beam"),
      width: count(1000).optional(),
      branching: count(256).optional(),
    }),
    z.strictObject({
      name: z.literal("dfs"),
      branching: count(256).optional(),
      threshold: z.number().min(0).max(1).optional(),
    }),
    z.strictObject({
      name: z.literal("best-first"),
      branching: count(256).optional(),
      batch: count(256).optional(),
    }),
    z.strictObject({
      name: z.literal("mcts"),
      branching: count(256).optional(),
      exploration: z.number().min(0).max(100).optional(),
    }),
    z.strictObject({ name: z.literal("best-of-n"), ...samplesFields }),
    z.strictObject({ name: z.literal("self-consistency"), ...samplesFields }),
    z.strictObject({ name: z.literal("greedy") }),
    z.strictObject({ name: z.literal("sample") }),
  ]),
  z.custom<Strategy>(isStrategy, { message: "a strategy object with init, select and update" }),
]);
export type StrategyOption = z.input<typeof StrategyOption>;

const isEvaluator = (value: unknown): value is Evaluator =>
  typeof value === "object" &&
  value !== null &&
  "evaluate" in value &&
  typeof value.evaluate === "function";

/** The evaluators that come with deliberate, by name. */
export const EvaluatorName = z.enum(["value", "vote", "confidence", "verifier"]);
export type EvaluatorName = z.infer<typeof EvaluatorName>;

const NamedEvaluator = z.discriminatedUnion("name", [
  z.strictObject({
    name: z.literal("value"),
    samples: count(100).optional(),
    probabilities: z.boolean().optional(),
  }),
  z.strictObject({ name: z.literal("vote"), samples: count(100).optional() }),
  z.strictObject({ name: z.literal("confidence") }),
  z.strictObject({
    name: z.literal("verifier"),
    verify: z
      .custom<VerifyFunction>((v) => typeof v === "function", {
        message: "a function",
      })
      .optional(),
  }),
]);

const SingleEvaluator = z.union([
  EvaluatorName,
  NamedEvaluator,
  z.custom<Evaluator>(isEvaluator, { message: "an evaluator object with evaluate()" }),
]);

/** An evaluator by name, by name with options, a weighted combination, or an object of your own. */
export const EvaluatorOption = z.union([
  SingleEvaluator,
  z.strictObject({
    name: z.literal("combine"),
    parts: z
      .array(
        z.strictObject({ evaluator: SingleEvaluator, weight: z.number().positive().optional() }),
      )
      .min(1),
  }),
]);
export type EvaluatorOption = z.input<typeof EvaluatorOption>;

const isModel = (value: unknown): value is Model =>
  typeof value === "object" &&
  value !== null &&
  "generate" in value &&
  typeof value.generate === "function";

/** Options of {@link think}, {@link thinkStream} and {@link createSearch}. */
export const ThinkOptions = z.strictObject({
  /** The model that writes and judges thoughts. */
  model: z.custom<Model>(isModel, { message: "a Model with generate()" }),
  /**
   * How the tree is searched. The default, `anytime`, grows its search with the budget: set only
   * the think time. @default "anytime"
   */
  strategy: StrategyOption.default("anytime"),
  /** How next steps are written: independent samples, or one call that proposes several. @default "sample" */
  generator: z.enum(["sample", "propose"]).default("sample"),
  /** @default "value" */
  evaluator: EvaluatorOption.default("value"),
  /**
   * What the search may spend. @default { time: "30s" } for `anytime`; none for a fixed strategy,
   * which then runs its shape once
   */
  budget: Budget.optional(),
  /** @default 0.7 */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Tokens a step may take unless the task says otherwise. @default 128 */
  maxStepTokens: count(16_384).default(128),
  /** Samples per evaluation for `value` and `vote` when they sample. @default 3 */
  evaluationSamples: count(100).default(3),
  /** Deepest path; overrides the task's own limit. */
  maxDepth: count(1000).optional(),
  /** Base seed: runs with the same seed and a deterministic model give the same tree. @default 0 */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(0),
  /** Model calls in flight at once. @default 4 */
  concurrency: count(256).default(4),
  /** Further attempts after a model call throws or times out. @default 1 */
  retries: integerIn(0, 10).default(1),
  /** A model call that takes longer is abandoned and retried: milliseconds or `"20s"`. */
  callTimeout: z.union([z.number(), z.string()]).optional(),
  /**
   * A tool call inside a thought that takes longer is abandoned, and its branch observes a
   * `TIMEOUT` error: milliseconds or `"5s"`. @default 10000
   */
  toolTimeout: z.union([z.number(), z.string()]).default(10_000),
  /** Characters of a tool's output a branch keeps; the rest is cut, and the prompt says so. @default 4000 */
  maxObservationChars: count(1_000_000).default(4000),
  /**
   * Saves the search every `every` steps (between steps, when no call is in flight), so a search
   * that is killed can go on from its last checkpoint. A failed save is recorded as an event.
   */
  checkpoint: z
    .strictObject({
      /** Steps between checkpoints. @default 1 */
      every: count(1_000_000).default(1),
      save: z.custom<(snapshot: SearchSnapshot) => void | Promise<void>>(
        (v) => typeof v === "function",
        {
          message: "a function",
        },
      ),
    })
    .optional(),
  /** Stop as soon as the task's verifier accepts an answer. @default true */
  stopOnSolution: z.boolean().default(true),
  /**
   * Stop once the answer is settled, for questions without a verifier: at least `votes` paths
   * reached the leading answer and a Beta test is `confidence` sure it beats the runner-up, or the
   * best answer is valued at least `value` for `steadySteps` steps in a row. `false` never settles.
   * @default { votes: 3, confidence: 0.95, value: 0.9, steadySteps: 3 }
   */
  settle: z
    .union([
      z.literal(false),
      z.strictObject({
        votes: count(10_000).optional(),
        confidence: z.number().min(0.5).max(1).optional(),
        value: z.number().min(0).max(1).optional(),
        steadySteps: count(10_000).optional(),
      }),
    ])
    .default({}),
  /**
   * What a strategy whose shape is exhausted does while the budget still has room: `restart`
   * starts a new round — a fresh pass over the same tree on new seeds at a temperature 0.3 higher
   * (up to 1.5), states already seen pruned and never scored again — until the budget is spent or
   * two rounds in a row find nothing new; `stop` ends the search. Only a budget with a limit (time,
   * tokens, nodes or calls) is restarted into; the System 1 baselines (`greedy`, `sample`) never
   * restart. @default "restart"
   */
  onExhausted: z.enum(["restart", "stop"]).default("restart"),
  /** Cancels the search; the result still holds the best answer found. */
  signal: z
    .custom<AbortSignal>((v) => v instanceof AbortSignal, { message: "an AbortSignal" })
    .optional(),
  /** Called with every event as it happens. */
  onEvent: z
    .custom<(event: SearchEvent) => void>((v) => typeof v === "function", { message: "a function" })
    .optional(),
});
export type ThinkOptions = z.input<typeof ThinkOptions>;
export type ParsedThinkOptions = z.output<typeof ThinkOptions>;
