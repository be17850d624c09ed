import { DeliberateError, describeValue } from "../errors.js";
import { addModelUsage, emptyModelUsage } from "../model/model.js";
import type { AnyPlugin } from "../plugins/plugin-option.js";
import type { Result, SearchUsage } from "../search/result.js";
import type { ThinkInput } from "./create-search.js";
import {
  parseThinkManyOptions,
  resolveAllocation,
  splitThinkManyOptions,
  type ThinkManyOptions,
} from "./think-many-options.js";
import type { ThinkManyProgress } from "./think-many-progress.js";
import { openQuestion, type QuestionSetup } from "./think-many-question.js";
import { Scheduler } from "./think-many-scheduler.js";

/** The outcome of {@link thinkMany}. */
export interface ThinkManyResult {
  /** One result per input, in input order. */
  readonly results: readonly Result[];
  /** What all the questions spent together. */
  readonly usage: SearchUsage;
  /** Think time spent, all questions together, in milliseconds. */
  readonly spentMs: number;
  /** Rounds of allocation run: 1 when every question ended within its first slice. */
  readonly rungs: number;
}

function sumUsage(results: readonly Result[]): SearchUsage {
  let model = emptyModelUsage;
  let nodes = 0;
  let elapsedMs = 0;
  let toolCalls = 0;
  for (const { usage } of results) {
    model = addModelUsage(model, usage);
    nodes += usage.nodes;
    elapsedMs += usage.elapsedMs;
    toolCalls += usage.toolCalls;
  }
  return { ...model, nodes, elapsedMs, toolCalls };
}

/**
 * Thinks about many questions with one total time budget: every question gets a first slice,
 * questions that end within it (solved, settled, exhausted) give the rest back to the pool, and
 * the open ones get doubling slices, most promising first, until the pool is spent (successive
 * halving, after Snell et al. 2024). A question's work is kept between slices. Questions run one
 * at a time; results come back in input order. Bad options or inputs throw a `DeliberateError`
 * before any model work; a budget too small for `minPerQuestion` each is one of them.
 *
 * @example
 * ```ts
 * import { thinkMany } from "@deliberate/core";
 * const { results, spentMs } = await thinkMany(["What is 17 × 24?", "Plan a 3-day trip to Lisbon"], {
 *   model,
 *   budget: "2m",
 *   maxPerQuestion: "90s",
 *   onProgress: (event) => {
 *     if (event.type === "question-finished") console.log(event.index, event.stopReason);
 *   },
 * });
 * for (const result of results) console.log(result.answer);
 * ```
 */
export async function thinkMany<const P extends readonly AnyPlugin[] = readonly []>(
  inputs: readonly ThinkInput[],
  options: ThinkManyOptions<P>,
): Promise<ThinkManyResult> {
  if (!Array.isArray(inputs)) {
    throw new DeliberateError(
      "INVALID_TASK",
      `Expected a list of questions or tasks, got ${describeValue(inputs)}`,
      { field: "inputs" },
    );
  }
  const parsed = parseThinkManyOptions(options);
  const allocation = resolveAllocation(parsed, inputs.length);
  const { think, perQuestion, onProgress, onEvent, signal } = splitThinkManyOptions(parsed);
  const setup: QuestionSetup = {
    options: { ...think, budget: { ...perQuestion } },
    ceilingMs: Math.min(allocation.maxMs, allocation.totalMs),
    reserve: allocation.reserve,
    ...(onEvent ? { onEvent } : {}),
  };
  const questions = inputs.map((input, index) => openQuestion(input, index, setup));
  const emit = (event: ThinkManyProgress) => {
    try {
      onProgress?.(event);
    } catch {
      // A listener that throws must not stop the other questions.
    }
  };
  const scheduler = new Scheduler(questions, allocation, setup, emit);
  const cancel = () => scheduler.cancel();
  if (signal?.aborted) cancel();
  else signal?.addEventListener("abort", cancel, { once: true });
  try {
    await scheduler.run();
    for (const question of questions) await scheduler.finish(question, scheduler.rungs);
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
  const results = questions.map((question) => question.result as Result);
  const usage = sumUsage(results);
  return { results, usage, spentMs: usage.elapsedMs, rungs: scheduler.rungs };
}
