import { isAbsolute } from "node:path";
import { LlamaError } from "../errors.js";

/** The prefix of a model a package registers: `builtin:tiny-reasoner`. */
export const BUILTIN_PREFIX = "builtin:";

/** Names a package may register: lowercase letters, digits and hyphens, like npm package names. */
export const BUILTIN_NAME = /^[a-z0-9-]+$/;

/** A model that ships inside a package: a GGUF file on disk, loaded as `builtin:<name>`. */
export interface BuiltinModel {
  /** The name after `builtin:`. */
  readonly name: string;
  /** Absolute path of the GGUF file. */
  readonly path: string;
  /** One line for `deliberate models`. */
  readonly description: string;
  /** Absolute path of the file that holds its sha256 (`<hex>  <file name>`), when it has one. */
  readonly sha256Path?: string;
}

// On globalThis, so that two copies of this package in one app (a dependency of the app and of
// the package that registers a model) still share one registry.
const REGISTRY = Symbol.for("@deliberate/llama.builtin-models");
const holder = globalThis as { [REGISTRY]?: Map<string, BuiltinModel> };
holder[REGISTRY] ??= new Map();
const registry = holder[REGISTRY];

/**
 * Makes `builtin:<name>` load the model's file through `loadModel` and appear in
 * {@link listBuiltinModels}. Packages that ship a model call it when they are imported
 * (`@deliberate/tiny-reasoner` registers `tiny-reasoner`). Registering the same name and path
 * again does nothing; another path under a taken name is an `INVALID_OPTION` error.
 *
 * @example
 * ```ts
 * registerBuiltinModel({
 *   name: "my-model",
 *   path: fileURLToPath(new URL("../models/my-model.gguf", import.meta.url)),
 *   description: "a 2M-parameter model trained on my task",
 * });
 * const model = await loadModel({ model: "builtin:my-model" });
 * ```
 */
export function registerBuiltinModel(model: BuiltinModel): void {
  if (typeof model.name !== "string" || !BUILTIN_NAME.test(model.name)) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected a built-in model name of lowercase letters, digits and hyphens, got ${JSON.stringify(model.name)}.`,
    );
  }
  if (typeof model.path !== "string" || !isAbsolute(model.path)) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected an absolute GGUF path for builtin:${model.name}, got ${JSON.stringify(model.path)}.`,
    );
  }
  const taken = registry.get(model.name);
  if (taken !== undefined && taken.path !== model.path) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected builtin:${model.name} once, got it registered with ${taken.path} and again with ${model.path}: two copies of the package that ships it are loaded. Install one.`,
    );
  }
  registry.set(model.name, Object.freeze({ ...model }));
}

/** The registered built-in models, in the order they were registered. */
export function listBuiltinModels(): readonly BuiltinModel[] {
  return [...registry.values()];
}

/** The registered model of `builtin:<name>` (or of a bare name), if any. */
export function findBuiltinModel(name: string): BuiltinModel | undefined {
  return registry.get(name.startsWith(BUILTIN_PREFIX) ? name.slice(BUILTIN_PREFIX.length) : name);
}
