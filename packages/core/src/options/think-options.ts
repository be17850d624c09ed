import { z } from "zod";
import { Budget } from "../budget/budget.js";
import { GuardEntry } from "../guards/guard-option.js";
import type { Model } from "../model/model.js";
import { builtinEvaluators, builtinStrategies } from "../plugins/builtin-plugins.js";
import type {
  AnyPlugin,
  EvaluatorOption,
  GeneratorOption,
  StrategyOption,
} from "../plugins/plugin-option.js";
import {
  createChoiceSchemas,
  createPluginSet,
  isAnyPlugin,
  type PluginSet,
} from "../plugins/plugin-set.js";
import type { SearchSnapshot } from "../search/snapshot.js";
import type { SearchEvent } from "../tree/schema.js";
import { integerIn } from "./integer.js";

const count = (max: number) => integerIn(1, max);

/** The strategies that come with deliberate, by name. */
export const StrategyName = z.enum(
  builtinStrategies.map((plugin) => plugin.name) as [StrategyName, ...StrategyName[]],
);
export type StrategyName = (typeof builtinStrategies)[number]["name"];

/** The evaluators that come with deliberate, by name. */
export const EvaluatorName = z.enum(
  builtinEvaluators.map((plugin) => plugin.name) as [EvaluatorName, ...EvaluatorName[]],
);
export type EvaluatorName = (typeof builtinEvaluators)[number]["name"];

const isModel = (value: unknown): value is Model =>
  typeof value === "object" &&
  value !== null &&
  "generate" in value &&
  typeof value.generate === "function";

/**
 * The schema of {@link ThinkOptions} for the plug-ins in `set`: the `strategy`, `evaluator` and
 * `generator` options accept exactly their names and option schemas.
 */
export function createThinkOptionsSchema(set: PluginSet) {
  const choices = createChoiceSchemas(set);
  return z.strictObject({
    /** The model that writes and judges thoughts. */
    model: z.custom<Model>(isModel, { message: "a Model with generate()" }),
    /**
     * Strategies, evaluators and generators of your own (made by `defineStrategy`,
     * `defineEvaluator`, `defineGenerator`): the `strategy`, `evaluator` and `generator` options can
     * then name them, and their options are checked by their schemas.
     */
    plugins: z.array(z.custom<AnyPlugin>(isAnyPlugin, { message: "a plug-in" })).optional(),
    /**
     * How the tree is searched. The default, `anytime`, grows its search with the budget: set only
     * the think time. @default "anytime"
     */
    strategy: choices.strategy.default("anytime"),
    /** How next steps are written: independent samples, or one call that proposes several. @default "sample" */
    generator: choices.generator.default("sample"),
    /** @default "value" */
    evaluator: choices.evaluator.default("value"),
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
    /**
     * Checks run on the question before any model work, in order (`@deliberate/guards` has
     * length, encoded-payload and adversarial-suffix guards). Every verdict is a `guarded` event
     * in the tree. A flagged input blocks the search — it stops at once with `stopReason:
     * "blocked"` and `result.blocked`, the guards after it not run — unless its entry says
     * `onFlag: "warn"`. A guard that throws stops the search as `failed`. Not run again when a
     * snapshot is resumed.
     */
    guards: z.array(GuardEntry, { message: "a list of guards" }).max(100).optional(),
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
      .custom<(event: SearchEvent) => void>((v) => typeof v === "function", {
        message: "a function",
      })
      .optional(),
  });
}

/** The schema of {@link ThinkOptions} with the built-in plug-ins only. */
export const ThinkOptions = createThinkOptionsSchema(createPluginSet());

type BaseThinkOptions = z.input<typeof ThinkOptions>;

/**
 * Options of {@link think}, {@link thinkStream} and {@link createSearch}. `P` is the tuple of
 * `plugins` given, so the `strategy`, `evaluator` and `generator` options type-check against
 * their names and options too.
 */
export type ThinkOptions<P extends readonly AnyPlugin[] = readonly []> = Omit<
  BaseThinkOptions,
  "plugins" | "strategy" | "evaluator" | "generator"
> & {
  readonly plugins?: P;
  /**
   * How the tree is searched. The default, `anytime`, grows its search with the budget: set only
   * the think time. @default "anytime"
   */
  readonly strategy?: StrategyOption<P>;
  /** How states are scored. @default "value" */
  readonly evaluator?: EvaluatorOption<P>;
  /** How next steps are written. @default "sample" */
  readonly generator?: GeneratorOption<P>;
};
export type ParsedThinkOptions = z.output<typeof ThinkOptions>;
