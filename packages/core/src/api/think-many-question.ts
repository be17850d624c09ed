import type { ThinkOptions } from "../options/think-options.js";
import type { AnyPlugin } from "../plugins/plugin-option.js";
import type { Result } from "../search/result.js";
import type { SearchSnapshot } from "../search/snapshot.js";
import type { SearchEvent } from "../tree/schema.js";
import { createSearch, type Search, type ThinkInput } from "./create-search.js";
import { findPromise } from "./think-many-plan.js";

/** What every question of one `thinkMany` call is searched with. */
export interface QuestionSetup {
  /** The options of every search, without the time limit. */
  readonly options: ThinkOptions<readonly AnyPlugin[]>;
  /**
   * The time limit of a search between slices: its maximum (or the whole budget), so the engine
   * itself finishes a question that reaches it.
   */
  readonly ceilingMs: number;
  readonly reserve: number;
  readonly onEvent?: (index: number, event: SearchEvent) => void;
}

/** One question of a `thinkMany` call: its search, what it spent, and its result once done. */
export interface Question {
  readonly index: number;
  readonly input: ThinkInput;
  search: Search;
  unsubscribe: () => void;
  started: boolean;
  /** Think time spent so far, every slice together. */
  spentMs: number;
  /** The best rank in its tree so far: see {@link findPromise}. */
  promise: number;
  snapshot?: SearchSnapshot;
  result?: Result;
}

function withTime(setup: QuestionSetup, timeMs: number): ThinkOptions<readonly AnyPlugin[]> {
  return { ...setup.options, budget: { ...setup.options.budget, time: timeMs } };
}

function follow(search: Search, index: number, setup: QuestionSetup): () => void {
  const onEvent = setup.onEvent;
  return onEvent ? search.subscribe((event) => onEvent(index, event)) : () => {};
}

/** Creates a question's search without starting it: its options and input are checked here. */
export function openQuestion(input: ThinkInput, index: number, setup: QuestionSetup): Question {
  const search = createSearch(input, withTime(setup, setup.ceilingMs));
  const unsubscribe = follow(search, index, setup);
  return { index, input, search, unsubscribe, started: false, spentMs: 0, promise: 0 };
}

function settle(question: Question, result: Result): Result {
  question.result = result;
  question.spentMs = result.usage.elapsedMs;
  question.unsubscribe();
  return result;
}

/**
 * Lets a question search for `sliceMs`, then pauses it after the step in flight (a step is never
 * cut in half). Resolves once it is paused or has finished on its own (solved, settled,
 * exhausted, failed, or at its maximum).
 */
export async function runSlice(question: Question, sliceMs: number): Promise<void> {
  const { search } = question;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const paused = new Promise<SearchSnapshot>((resolve) => {
    // A search that finishes (or starts finalizing) before the pause lands refuses it: the
    // result settles instead.
    timer = setTimeout(() => search.pause().then(resolve, () => {}), sliceMs);
  });
  if (question.started) search.resume();
  else search.start();
  question.started = true;
  const outcome = await Promise.race([
    search.result.then((result) => ({ kind: "finished" as const, result })),
    paused.then((snapshot) => ({ kind: "paused" as const, snapshot })),
  ]);
  clearTimeout(timer);
  if (outcome.kind === "finished") {
    settle(question, outcome.result);
    return;
  }
  question.snapshot = outcome.snapshot;
  question.spentMs = outcome.snapshot.meter.elapsedMs;
  question.promise = findPromise(outcome.snapshot.tree.nodes);
}

/**
 * Finishes a paused (or never started) question for the budget: it goes on from its snapshot with
 * a time limit its search phase has already reached, so it only completes its best partial path
 * within its reserve, and stops with `budget`.
 */
export async function finishQuestion(question: Question, setup: QuestionSetup): Promise<Result> {
  if (question.result) return question.result;
  const snapshot = question.snapshot ?? (await question.search.pause());
  question.unsubscribe();
  // Just below spent / (1 − reserve): the search phase (1 − reserve of it) is over at once.
  const timeMs = Math.max(0, (question.spentMs - 0.001) / (1 - setup.reserve));
  const search = createSearch(question.input, withTime(setup, timeMs), { snapshot });
  question.search = search;
  question.unsubscribe = follow(search, question.index, setup);
  search.start();
  return settle(question, await search.result);
}

/** Cancels a question: a running or paused one keeps its best answer so far. */
export async function cancelQuestion(question: Question): Promise<Result> {
  if (question.result) return question.result;
  question.search.cancel();
  return settle(question, await question.search.result);
}
