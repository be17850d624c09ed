import { AsyncLocalStorage } from "node:async_hooks";
import { type Result, type SearchEvent, type ThinkOptions, think } from "@deliberate/core";
import { parseThinkOptions } from "@deliberate/core/options";
import type { CallbackManagerForChainRun } from "@langchain/core/callbacks/manager";
import {
  patchConfig,
  pickRunnableConfigKeys,
  Runnable,
  type RunnableConfig,
} from "@langchain/core/runnables";
import { AsyncLocalStorageProviderSingleton } from "@langchain/core/singletons";
import { DeliberateLangChainError } from "../errors.js";
import { type DeliberateInput, readThinkInput } from "./read-input.js";

// LangChain leaves async-local storage for the app to set up on Node (its `langchain` package and
// `@langchain/core/context` do); without it nested runs cannot find their parent. A no-op when set.
AsyncLocalStorageProviderSingleton.initializeGlobalInstance(new AsyncLocalStorage());

/** Name of the custom callback event each search event is dispatched as (`on_custom_event`). */
export const SEARCH_EVENT_NAME = "deliberate_search_event";

/** What the runnable gives: the whole {@link Result}, or just the answer text. */
export type DeliberateOutputKind = "result" | "answer";
export type DeliberateOutput<K extends DeliberateOutputKind> = K extends "answer" ? string : Result;

/** Fields of a {@link DeliberateRunnable}: `think`'s options, and what to give back. */
export type DeliberateRunnableFields<K extends DeliberateOutputKind> = ThinkOptions & {
  /**
   * `"answer"` gives the answer text (for chains that go on with a string) and throws a
   * `NO_ANSWER` error when the search found none.
   * @default "result"
   */
  readonly output?: K;
};

/** Call options: LangChain's config (signal, timeout, callbacks, ...) and per-call overrides. */
export interface DeliberateCallOptions extends RunnableConfig {
  /** `think` options for this call only, over the runnable's own (a per-request budget, say). */
  readonly think?: Partial<Omit<ThinkOptions, "model">>;
}

/** Every signal that may cancel the search, as one. */
function joinSignals(signals: readonly (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

/**
 * `think` as a LangChain `Runnable`: it drops into a chain (`prompt.pipe(deliberate)`) and takes
 * a question, a task, a prompt value or chat messages. `invoke` and `batch` give the result (or
 * the answer); every search event is dispatched to the callbacks as a custom event named
 * {@link SEARCH_EVENT_NAME}, so `streamEvents` (v2) streams the search as it runs, from this
 * runnable or from a chain around it. The config's `signal` (and `timeout`) cancel the search
 * and reject the call, as in any LangChain runnable; for an answer within a time limit, give a
 * time budget instead.
 *
 * @example
 * ```ts
 * const deliberate = new DeliberateRunnable({ model, budget: { time: "20s" }, output: "answer" });
 * const chain = ChatPromptTemplate.fromTemplate("Solve: {problem}").pipe(deliberate);
 * const answer = await chain.invoke({ problem: "17 × 24" });
 * for await (const event of deliberate.streamEvents("What is 17 × 24?", { version: "v2" })) {
 *   if (event.event === "on_custom_event") console.log(event.data.type);
 * }
 * ```
 */
export class DeliberateRunnable<K extends DeliberateOutputKind = "result"> extends Runnable<
  DeliberateInput,
  DeliberateOutput<K>,
  DeliberateCallOptions
> {
  static override lc_name(): string {
    return "DeliberateRunnable";
  }

  override lc_namespace = ["deliberate", "runnables"];
  private readonly options: ThinkOptions;
  private readonly output: DeliberateOutputKind;

  constructor(fields: DeliberateRunnableFields<K>) {
    super();
    const { output = "result", ...options } = fields;
    if (output !== "result" && output !== "answer") {
      throw new DeliberateLangChainError(
        "INVALID_OPTION",
        `Invalid option \`output\`: expected "result" or "answer", got ${JSON.stringify(output)}`,
      );
    }
    parseThinkOptions(options);
    this.options = options;
    this.output = output;
  }

  override invoke(
    input: DeliberateInput,
    options?: Partial<DeliberateCallOptions>,
  ): Promise<DeliberateOutput<K>> {
    return this._callWithConfig(this.runSearch.bind(this), input, options);
  }

  private async runSearch(
    input: DeliberateInput,
    config?: Partial<DeliberateCallOptions>,
    runManager?: CallbackManagerForChainRun,
  ): Promise<DeliberateOutput<K>> {
    const overrides = config?.think ?? {};
    const listener = overrides.onEvent ?? this.options.onEvent;
    // Events reach the callbacks in order, and all of them before the chain-end callback.
    let delivered = Promise.resolve();
    const onEvent = (event: SearchEvent) => {
      listener?.(event);
      if (!runManager) return;
      delivered = delivered
        .then(() => runManager.handleCustomEvent(SEARCH_EVENT_NAME, event))
        .catch(() => undefined);
    };
    const signal = joinSignals([this.options.signal, overrides.signal, config?.signal]);
    const thinkInput = readThinkInput(input);
    // LangChain models called during the search (a `createLangChainModel` model) find this run's
    // config in async-local storage, so their runs nest under this one in traces and events.
    const { think: _overrides, ...plain } = config ?? {};
    const childConfig = patchConfig(plain, { callbacks: runManager?.getChild() });
    const result = await AsyncLocalStorageProviderSingleton.runWithConfig(
      pickRunnableConfigKeys(childConfig),
      () =>
        think(thinkInput, {
          ...this.options,
          ...overrides,
          model: this.options.model,
          onEvent,
          ...(signal ? { signal } : {}),
        }),
    );
    await delivered;
    if (this.output === "result") return result as DeliberateOutput<K>;
    if (result.answer === undefined) {
      throw new DeliberateLangChainError(
        "NO_ANSWER",
        `Expected the search to reach an answer, but it stopped (${result.stopReason}) without one`,
      );
    }
    return result.answer as DeliberateOutput<K>;
  }
}
