import { setMaxListeners } from "node:events";
import { assign, emit, fromPromise, setup } from "xstate";
import type { Result } from "../search/result.js";
import type { SearchSnapshot } from "../search/snapshot.js";
import type { SearchEvent, SearchTree } from "../tree/schema.js";
import { type Decision, type SearchConfig, SearchRun } from "./search-run.js";

/** Events a running search accepts. */
export type SearchCommand =
  | { type: "START" }
  | { type: "PAUSE" }
  | { type: "RESUME" }
  | { type: "CANCEL" };

/**
 * What the machine lets its owner read while it runs: the tree, and the events as they happen.
 * The run itself stays inside the machine.
 */
export interface SearchView {
  tree(): SearchTree;
  /** What a paused (or not yet started) search saves to go on later. */
  snapshot(): SearchSnapshot;
  subscribe(listener: (event: SearchEvent) => void): () => void;
  /** Resolves once every checkpoint being written has landed. */
  flushCheckpoints(): Promise<void>;
  /** The result of a search whose machine itself failed: stopped as `failed` with the error. */
  fail(error: unknown): Result;
}

/** Events the machine emits to its owner (`actor.on`). */
export type SearchEmitted = { type: "paused"; snapshot: SearchSnapshot };

interface SearchMachineContext {
  readonly run: SearchRun;
  readonly view: SearchView;
  decision: Decision["kind"] | undefined;
  result: Result | undefined;
}

/** A step's signal is watched by every model call of the step: many listeners are expected. */
function unlimited(signal: AbortSignal): AbortSignal {
  setMaxListeners(0, signal);
  return signal;
}

/** setTimeout fires at once for delays past 2^31 - 1 ms: a longer deadline is no deadline. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The machine of one search: `idle → (guarding →) searching.{selecting → expanding → evaluating →
 * pruning} → finalizing → done`, plus `paused`, `cancelled` and `failed`; a guard that blocks goes
 * from `guarding` to `done`. It only sequences: each state calls
 * one method of the {@link SearchRun}, and the deadline is a delayed transition that stops the
 * step in flight (its model calls are aborted through the actor's signal).
 */
export const searchMachine = setup({
  types: {
    context: {} as SearchMachineContext,
    input: {} as { config: SearchConfig; saved?: SearchSnapshot | undefined },
    events: {} as SearchCommand,
    emitted: {} as SearchEmitted,
    output: {} as Result,
  },
  actors: {
    guard: fromPromise<boolean, SearchRun>(({ input, signal }) => input.guard(signal)),
    expand: fromPromise<void, SearchRun>(({ input, signal }) => input.expand(unlimited(signal))),
    evaluate: fromPromise<void, SearchRun>(({ input, signal }) =>
      input.evaluate(unlimited(signal)),
    ),
    finalize: fromPromise<void, SearchRun>(({ input, signal }) =>
      input.finalize(unlimited(signal)),
    ),
  },
  delays: {
    deadline: ({ context }) => Math.min(context.run.meter.timeRoom(), LONGEST_TIMER_MS),
    reserve: ({ context }) => Math.min(context.run.meter.timeRoom("finalize"), LONGEST_TIMER_MS),
  },
  guards: {
    decidedTo: ({ context }, kind: Decision["kind"]) => context.decision === kind,
    hasGuards: ({ context }) => context.run.config.guards.length > 0,
    blocked: (_, blocked: boolean) => blocked,
  },
  actions: {
    startClock: ({ context }) => context.run.meter.run(),
    stopClock: ({ context }) => context.run.meter.stop(),
    decide: assign({ decision: ({ context }) => context.run.decide().kind }),
    noteStarted: ({ context }) => {
      const { task, strategy } = context.run.config;
      context.run.tree.emit({ type: "started", question: task.question, strategy: strategy.name });
    },
    requestPause: ({ context }) => {
      context.run.pauseRequested = true;
    },
    notePaused: ({ context }) => {
      context.run.meter.stop();
      context.run.tree.emit({ type: "paused" });
    },
    announcePaused: emit(({ context }) => ({
      type: "paused" as const,
      snapshot: context.run.snapshot(),
    })),
    noteResumed: ({ context }) => {
      context.run.pauseRequested = false;
      context.run.tree.emit({ type: "resumed" });
    },
    noteTimeLimit: ({ context }) => {
      context.run.limit = "time";
    },
    update: ({ context }) => context.run.update(),
    checkpoint: ({ context }) => context.run.checkpoint(),
  },
}).createMachine({
  id: "search",
  initial: "idle",
  context: ({ input }) => {
    const run = new SearchRun(input.config, input.saved);
    return { run, view: createSearchView(run), decision: undefined, result: undefined };
  },
  states: {
    idle: {
      on: {
        // Without guards the search starts at once, as it always has: no extra turn of the loop.
        START: [
          { guard: "hasGuards", target: "guarding", actions: "noteStarted" },
          { target: "searching", actions: "noteStarted" },
        ],
        RESUME: { target: "searching", actions: "noteResumed" },
        CANCEL: "cancelled",
      },
    },
    // Before any model work and off the think-time clock; a resumed search is not guarded again.
    guarding: {
      on: { PAUSE: { actions: "requestPause" }, CANCEL: "cancelled" },
      invoke: {
        src: "guard",
        input: ({ context }) => context.run,
        onDone: [
          { guard: { type: "blocked", params: ({ event }) => event.output }, target: "done" },
          { target: "searching" },
        ],
        onError: "#search.failed",
      },
    },
    searching: {
      initial: "selecting",
      entry: "startClock",
      after: { deadline: { target: "finalizing", actions: "noteTimeLimit" } },
      on: { PAUSE: { actions: "requestPause" }, CANCEL: "cancelled" },
      states: {
        selecting: {
          entry: "decide",
          always: [
            { guard: { type: "decidedTo", params: "pause" }, target: "#search.paused" },
            { guard: { type: "decidedTo", params: "expand" }, target: "expanding" },
            { target: "#search.finalizing" },
          ],
        },
        expanding: {
          invoke: {
            src: "expand",
            input: ({ context }) => context.run,
            onDone: "evaluating",
            onError: "#search.failed",
          },
        },
        evaluating: {
          invoke: {
            src: "evaluate",
            input: ({ context }) => context.run,
            onDone: "pruning",
            onError: "#search.failed",
          },
        },
        pruning: { entry: ["update", "checkpoint"], always: "selecting" },
      },
    },
    paused: {
      entry: ["notePaused", "announcePaused"],
      on: { RESUME: { target: "searching", actions: "noteResumed" }, CANCEL: "cancelled" },
    },
    finalizing: {
      entry: "startClock",
      after: { reserve: "done" },
      on: { CANCEL: "cancelled" },
      invoke: {
        src: "finalize",
        input: ({ context }) => context.run,
        onDone: "done",
        onError: "#search.failed",
      },
    },
    done: {
      type: "final",
      entry: assign({
        result: ({ context }) => context.run.finish(context.run.findStopReason()),
      }),
    },
    cancelled: {
      type: "final",
      entry: assign({ result: ({ context }) => context.run.finish("cancelled") }),
    },
    failed: {
      type: "final",
      entry: assign({
        result: ({ context, event }) => {
          const error = (event as { error?: unknown }).error;
          context.run.error = error instanceof Error ? error.message : String(error);
          return context.run.finish("failed");
        },
      }),
    },
  },
  output: ({ context }) => context.result as Result,
});

function createSearchView(run: SearchRun): SearchView {
  return Object.freeze({
    tree: () => run.toTree(),
    snapshot: () => run.snapshot(),
    subscribe: (listener: (event: SearchEvent) => void) => run.tree.subscribe(listener),
    flushCheckpoints: () => run.flushCheckpoints(),
    fail: (error: unknown) => {
      run.error = error instanceof Error ? error.message : String(error);
      return run.finish("failed");
    },
  });
}
