import { z } from "zod";
import { Budget } from "../budget/budget.js";
import { formatDuration, parseDuration } from "../budget/duration.js";
import { DeliberateError, describeValue } from "../errors.js";
import { describeOptionIssue } from "../options/describe-option-issue.js";
import { readPlugins } from "../options/parse-options.js";
import { ThinkOptions } from "../options/think-options.js";
import type { AnyPlugin } from "../plugins/plugin-option.js";
import type { SearchEvent } from "../tree/schema.js";
import type { ThinkManyProgress } from "./think-many-progress.js";

const Duration = z.union([z.number(), z.string()]);

const isFunction = (value: unknown) => typeof value === "function";

/** The options only `thinkMany` reads, added to those of every question's search. */
function extendThinkOptions(think: typeof ThinkOptions) {
  return think
    .omit({
      budget: true,
      checkpoint: true,
      onEvent: true,
      signal: true,
    })
    .extend({
      /** Think time for all the questions together: milliseconds or a duration such as `"10m"`. */
      budget: Duration,
      /**
       * Limits each question has on its own (tokens, nodes, calls) and the fraction of its time kept
       * to finish its best partial path. @default { reserve: 0.1 }
       */
      perQuestion: Budget.omit({ time: true }).optional(),
      /** Think time each question gets before any is stopped for the pool. @default 0 */
      minPerQuestion: Duration.optional(),
      /** Most think time one question may take. @default the whole budget */
      maxPerQuestion: Duration.optional(),
      /** Called as questions start, pause and finish, and as the pool shrinks. */
      onProgress: z
        .custom<(event: ThinkManyProgress) => void>(isFunction, { message: "a function" })
        .optional(),
      /** Called with every event of every question's search, with the question's index. */
      onEvent: z
        .custom<(index: number, event: SearchEvent) => void>(isFunction, { message: "a function" })
        .optional(),
      /** Cancels every question; each result still holds its best answer so far. */
      signal: z
        .custom<AbortSignal>((v) => v instanceof AbortSignal, { message: "an AbortSignal" })
        .optional(),
    });
}

/** The schema of {@link ThinkManyOptions} with the built-in plug-ins only. */
export const ThinkManyOptions = extendThinkOptions(ThinkOptions);

type BaseThinkManyOptions = z.input<typeof ThinkManyOptions>;

/**
 * Options of {@link thinkMany}: those of `think` for every question (`plugins` included), one
 * total time budget, and the share of it each question may take.
 */
export type ThinkManyOptions<P extends readonly AnyPlugin[] = readonly []> = Omit<
  BaseThinkManyOptions,
  "plugins" | "strategy" | "evaluator" | "generator"
> &
  Pick<ThinkOptions<P>, "plugins" | "strategy" | "evaluator" | "generator">;
export type ParsedThinkManyOptions = z.output<typeof ThinkManyOptions>;

/** How the total budget is shared, in milliseconds of think time. */
export interface Allocation {
  readonly totalMs: number;
  readonly minMs: number;
  /** Infinity without `maxPerQuestion`. */
  readonly maxMs: number;
  /** Fraction of each question's time kept to finish its best partial path. */
  readonly reserve: number;
}

/** Validates {@link ThinkManyOptions}; throws one `INVALID_OPTION` error for the first problem. */
export function parseThinkManyOptions(options: unknown): ParsedThinkManyOptions {
  if (typeof options !== "object" || options === null) {
    throw new DeliberateError(
      "INVALID_OPTION",
      `Expected options with at least a \`model\` and a \`budget\`, got ${describeValue(options)}`,
      { field: "options" },
    );
  }
  const think = readPlugins(options).schema;
  const schema = think === ThinkOptions ? ThinkManyOptions : extendThinkOptions(think);
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const { field, message } = describeOptionIssue(parsed.error, options);
    throw new DeliberateError("INVALID_OPTION", message, { field });
  }
  return parsed.data;
}

/** The options of every question's search, apart from what only `thinkMany` reads. */
export function splitThinkManyOptions(parsed: ParsedThinkManyOptions) {
  const {
    budget: _total,
    minPerQuestion: _min,
    maxPerQuestion: _max,
    perQuestion,
    onProgress,
    onEvent,
    signal,
    ...think
  } = parsed;
  return { think, perQuestion, onProgress, onEvent, signal };
}

function invalid(field: string, message: string): DeliberateError {
  return new DeliberateError("INVALID_OPTION", message, { field });
}

/**
 * Reads the budget, minimum and maximum into an {@link Allocation} for `count` questions. A
 * budget that cannot give every question its minimum is an error that says what to change.
 */
export function resolveAllocation(options: ParsedThinkManyOptions, count: number): Allocation {
  const totalMs = parseDuration(options.budget, "budget");
  if (totalMs <= 0) throw invalid("budget", `Expected \`budget\` above zero, got ${totalMs}ms`);
  const minMs =
    options.minPerQuestion === undefined
      ? 0
      : parseDuration(options.minPerQuestion, "minPerQuestion");
  const maxMs =
    options.maxPerQuestion === undefined
      ? Number.POSITIVE_INFINITY
      : parseDuration(options.maxPerQuestion, "maxPerQuestion");
  if (maxMs <= 0) {
    throw invalid("maxPerQuestion", `Expected \`maxPerQuestion\` above zero, got ${maxMs}ms`);
  }
  if (minMs > maxMs) {
    throw invalid(
      "minPerQuestion",
      `Expected \`minPerQuestion\` (${formatDuration(minMs)}) to be at most \`maxPerQuestion\` (${formatDuration(maxMs)})`,
    );
  }
  if (minMs * count > totalMs) {
    throw invalid(
      "budget",
      `A budget of ${formatDuration(totalMs)} cannot give ${count} questions ${formatDuration(minMs)} each: raise \`budget\` to at least ${formatDuration(minMs * count)} or lower \`minPerQuestion\` to at most ${formatDuration(totalMs / count)}`,
    );
  }
  return { totalMs, minMs, maxMs, reserve: options.perQuestion?.reserve ?? 0.1 };
}
