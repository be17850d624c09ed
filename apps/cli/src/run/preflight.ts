import { createSearch, type Model, type ThinkInput } from "@deliberate/core";
import type { SearchOptions } from "../options/build-think-options.js";

/** A model that is never called: it only lets core check the options. */
const PLACEHOLDER: Model = {
  id: "placeholder",
  generate: () => Promise.reject(new Error("the placeholder model is never called")),
};

/**
 * Checks options against the task the way the search will, before a model is downloaded or
 * loaded: a wrong combination (an evaluator the task has no prompt for, say) fails in
 * milliseconds, not after a 400 MB download. The search it creates is never started.
 */
export function checkSearchOptions(input: ThinkInput, options: SearchOptions): void {
  createSearch(input, { ...options, model: PLACEHOLDER }).cancel();
}
