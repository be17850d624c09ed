import type { ThinkOptions } from "../options/think-options.js";
import type { AnyPlugin } from "../plugins/plugin-option.js";
import type { Result } from "../search/result.js";
import type { SearchEvent } from "../tree/schema.js";
import { createSearch, type ThinkInput } from "./create-search.js";

/**
 * Thinks about a question or a task: searches a tree of reasoning steps within the budget and
 * answers with the best path found. Bad options throw a `DeliberateError` before any model work;
 * after that it never throws — whatever stops the search, the result holds the best answer so far.
 *
 * @example
 * ```ts
 * import { think } from "@deliberate/core";
 * const result = await think("What is 17 × 24?", {
 *   model,
 *   strategy: { name: "beam", width: 3, branching: 4 },
 *   budget: { time: "30s", tokens: 20_000 },
 * });
 * console.log(result.answer, result.stopReason);
 * ```
 */
export async function think<const P extends readonly AnyPlugin[] = readonly []>(
  input: ThinkInput,
  options: ThinkOptions<P>,
): Promise<Result> {
  const search = createSearch(input, options);
  search.start();
  return search.result;
}

/** An item of {@link thinkStream}: every event as it happens, then the result. */
export type ThinkStreamItem = SearchEvent | { readonly type: "result"; readonly result: Result };

/**
 * Thinks like {@link think} and yields every event as it happens, then `{ type: "result" }`.
 * Stopping the iteration early cancels the search.
 *
 * @example
 * ```ts
 * for await (const item of thinkStream(question, { model })) {
 *   if (item.type === "created") console.log("new thought", item.id);
 *   if (item.type === "result") console.log(item.result.answer);
 * }
 * ```
 */
export async function* thinkStream<const P extends readonly AnyPlugin[] = readonly []>(
  input: ThinkInput,
  options: ThinkOptions<P>,
): AsyncGenerator<ThinkStreamItem> {
  const search = createSearch(input, options);
  const queue: ThinkStreamItem[] = [];
  let wake: (() => void) | undefined;
  const push = (item: ThinkStreamItem) => {
    queue.push(item);
    wake?.();
  };
  const unsubscribe = search.subscribe(push);
  let finished = false;
  void search.result.then((result) => push({ type: "result", result }));
  search.start();
  try {
    while (!finished) {
      const item = queue.shift();
      if (item === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      if (item.type === "result") finished = true;
      yield item;
    }
  } finally {
    unsubscribe();
    if (!finished) {
      search.cancel();
      await search.result;
    }
  }
}
