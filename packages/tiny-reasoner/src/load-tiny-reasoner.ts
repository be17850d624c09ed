import { type LlamaModel, type LoadModelOptions, loadModel } from "@deliberate/llama";
import { resolveBuiltinModel } from "./builtin-models.js";

/**
 * Loads a built-in model as a core `Model`: `loadModel` from `@deliberate/llama` with `model` set
 * to the committed GGUF. The API's way to say `builtin:tiny-reasoner` (the llama package cannot
 * resolve it itself: this package depends on it for the GGUF writer, not the other way round).
 *
 * @example
 * ```ts
 * const model = await loadTinyReasoner({ branches: 4 });
 * try {
 *   const result = await think(createGame24Task("4 5 6 10", { profile: "compact" }), {
 *     model,
 *     strategy: { name: "beam", width: 5, branching: 8 },
 *     evaluator: "value",
 *   });
 * } finally {
 *   await model.dispose();
 * }
 * ```
 */
export function loadTinyReasoner(
  options: Omit<LoadModelOptions, "model"> & { readonly model?: string } = {},
): Promise<LlamaModel> {
  const name = options.model ?? "builtin:tiny-reasoner";
  const path = resolveBuiltinModel(name);
  if (path === undefined) {
    return Promise.reject(
      new Error(
        `Expected a built-in model such as "builtin:tiny-reasoner", got ${JSON.stringify(name)}`,
      ),
    );
  }
  return loadModel({ ...options, model: path });
}
