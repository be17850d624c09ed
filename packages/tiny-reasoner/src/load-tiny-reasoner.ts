import { type LlamaModel, type LoadModelOptions, loadModel } from "@deliberate/llama";
import { resolveBuiltinModel } from "./builtin-models.js";

/**
 * Loads a built-in model as a core `Model`: `loadModel` from `@deliberate/llama` with `model` set
 * to the committed GGUF. The same as `loadModel({ model: "builtin:tiny-reasoner" })`, which finds
 * the model because importing this package registers it; this one also takes a bare name.
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
