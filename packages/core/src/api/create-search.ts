import { createActor } from "xstate";
import { searchMachine } from "../engine/search-machine.js";
import { DeliberateError, describeValue } from "../errors.js";
import { checkThinkOptions } from "../options/parse-options.js";
import type { ThinkOptions } from "../options/think-options.js";
import type { AnyPlugin } from "../plugins/plugin-option.js";
import type { Result } from "../search/result.js";
import type { SearchSnapshot } from "../search/snapshot.js";
import { createQuestionTask } from "../task/question-task.js";
import type { Task } from "../task/task.js";
import type { SearchEvent, SearchTree } from "../tree/schema.js";
import { parseTree } from "../tree/tree-file.js";
import { resolveConfig } from "./resolve-config.js";

/** What to think about: a question (the generic question task) or a task of your own. */
export type ThinkInput = string | Task<unknown>;

/** Where a search stands. */
export type SearchStatus =
  | "idle"
  | "searching"
  | "paused"
  | "finalizing"
  | "done"
  | "cancelled"
  | "failed";

/** A search you can start, pause, save, resume and cancel. */
export interface Search {
  /** Settles with the result once the search stops, however it stops. Never rejects. */
  readonly result: Promise<Result>;
  status(): SearchStatus;
  /** Starts the search, or goes on with a paused or restored one. */
  start(): void;
  /** Pauses after the step in flight; resolves with a snapshot to resume from, here or elsewhere. */
  pause(): Promise<SearchSnapshot>;
  resume(): void;
  /** Stops now; the result keeps the best answer found so far. */
  cancel(): void;
  /** The tree as it is now. */
  tree(): SearchTree;
  subscribe(listener: (event: SearchEvent) => void): () => void;
}

function toTask(input: ThinkInput): Task<unknown> {
  if (typeof input === "string") return createQuestionTask(input);
  if (typeof input === "object" && input !== null && typeof input.applyStep === "function")
    return input;
  throw new DeliberateError(
    "INVALID_TASK",
    `Expected a question or a task, got ${describeValue(input)}`,
    { field: "input" },
  );
}

function checkSnapshot(snapshot: SearchSnapshot, task: Task<unknown>): SearchSnapshot {
  if (snapshot?.format !== "deliberate.search" || snapshot.version !== 1) {
    throw new DeliberateError(
      "INVALID_SNAPSHOT",
      `Expected a deliberate.search snapshot of version 1, got ${describeValue(snapshot?.format)}`,
      {
        field: "snapshot",
      },
    );
  }
  const tree = parseTree(snapshot.tree);
  if (tree.question !== task.question || tree.task !== task.name) {
    throw new DeliberateError(
      "INVALID_SNAPSHOT",
      `The snapshot is of task "${tree.task}" on "${tree.question.slice(0, 60)}", not of task "${task.name}" on "${task.question.slice(0, 60)}"`,
      { field: "snapshot" },
    );
  }
  return { ...snapshot, tree };
}

/**
 * Creates a search without starting it: for pausing, saving and resuming, or following events
 * before the first step. Options are validated here, before any model work.
 *
 * @example
 * ```ts
 * const search = createSearch("Plan a 3-day trip to Lisbon", { model, budget: { time: "1m" } });
 * search.start();
 * const snapshot = await search.pause();
 * await writeFile("search.json", JSON.stringify(snapshot));
 * // later, in another process:
 * const again = createSearch(question, { model }, { snapshot: JSON.parse(await readFile("search.json", "utf8")) });
 * again.start();
 * const result = await again.result;
 * ```
 */
export function createSearch<const P extends readonly AnyPlugin[] = readonly []>(
  input: ThinkInput,
  options: ThinkOptions<P>,
  restore: { snapshot?: SearchSnapshot } = {},
): Search {
  const task = toTask(input);
  const { options: parsed, plugins } = checkThinkOptions(options);
  const config = resolveConfig(task, parsed, plugins);
  const saved = restore.snapshot ? checkSnapshot(restore.snapshot, task) : undefined;
  const actor = createActor(searchMachine, { input: { config, saved } });
  const view = actor.getSnapshot().context.view;
  if (parsed.onEvent) view.subscribe(parsed.onEvent);

  const result = new Promise<Result>((resolve) => {
    actor.subscribe({
      // A checkpoint still being written must not land after the caller saves the final tree.
      complete: () => {
        const output = actor.getSnapshot().output as Result;
        void view.flushCheckpoints().then(() => resolve(output));
      },
      error: (error) => resolve(view.fail(error)),
    });
  });
  actor.start();
  // An ended search ignores further commands: a signal aborted before `start()` ends it at once,
  // and XState would warn of every event sent to the stopped actor after that.
  const send = (event: Parameters<typeof actor.send>[0]) => {
    if (actor.getSnapshot().status === "active") actor.send(event);
  };

  const signal = parsed.signal;
  if (signal) {
    const cancel = () => send({ type: "CANCEL" });
    if (signal.aborted) cancel();
    else signal.addEventListener("abort", cancel, { once: true });
    void result.then(() => signal.removeEventListener("abort", cancel));
  }

  const status = (): SearchStatus => {
    const value = actor.getSnapshot().value;
    // Guarding the question is part of searching, to the caller: it may be paused or cancelled.
    if (typeof value !== "string" || value === "guarding") return "searching";
    return value as SearchStatus;
  };

  return {
    result,
    status,
    start: () => send({ type: saved ? "RESUME" : "START" }),
    pause: () =>
      new Promise<SearchSnapshot>((resolve, reject) => {
        if (status() === "paused" || status() === "idle") {
          resolve(view.snapshot());
          return;
        }
        if (status() !== "searching") {
          reject(
            new DeliberateError(
              "SEARCH_STATE",
              `Expected a running search to pause, but it is ${status()}`,
            ),
          );
          return;
        }
        const paused = actor.on("paused", (event) => {
          paused.unsubscribe();
          subscription.unsubscribe();
          resolve(event.snapshot);
        });
        const subscription = actor.subscribe((snapshot) => {
          if (snapshot.status === "done") {
            paused.unsubscribe();
            subscription.unsubscribe();
            reject(
              new DeliberateError(
                "SEARCH_STATE",
                `The search ended (${String(snapshot.value)}) before it could pause`,
              ),
            );
          }
        });
        send({ type: "PAUSE" });
      }),
    resume: () => send({ type: "RESUME" }),
    cancel: () => send({ type: "CANCEL" }),
    tree: () => view.tree(),
    subscribe: (listener) => view.subscribe(listener),
  };
}
