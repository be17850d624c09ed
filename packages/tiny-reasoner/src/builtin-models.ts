import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type BuiltinModel, registerBuiltinModel } from "@deliberate/llama";

/** File name of the trained tiny reasoner inside this package's `models/` directory. */
export const TINY_REASONER_FILE = "tiny-reasoner.gguf";

/** A model that ships inside this package: no download, a pinned sha256. */
export type PinnedBuiltinModel = BuiltinModel & { readonly sha256Path: string };

const MODELS_DIR = new URL("../models/", import.meta.url);

function describeBuiltin(name: string, file: string, description: string): PinnedBuiltinModel {
  return {
    name,
    path: fileURLToPath(new URL(file, MODELS_DIR)),
    sha256Path: fileURLToPath(new URL(`${file}.sha256`, MODELS_DIR)),
    description,
  };
}

/**
 * Every model of this package. Importing the package registers them with `@deliberate/llama`, so
 * `loadModel({ model: "builtin:tiny-reasoner" })` and the CLI's `--model` find them.
 */
export const builtinModels: readonly PinnedBuiltinModel[] = Object.freeze([
  describeBuiltin(
    "tiny-reasoner",
    TINY_REASONER_FILE,
    "0.93M-parameter llama trained by the project on Game-of-24 compact steps and value judgments",
  ),
]);

for (const model of builtinModels) registerBuiltinModel(model);

/**
 * The path of a built-in model: `"builtin:tiny-reasoner"` or `"tiny-reasoner"` → the committed
 * GGUF. Returns `undefined` for a name that is not built in, so a caller can try its other
 * resolvers; throws when the name is built in but its file is missing from the install.
 *
 * @example
 * ```ts
 * const path = resolveBuiltinModel("builtin:tiny-reasoner");
 * const model = await loadModel({ model: path ?? "builtin:tiny-reasoner" });
 * ```
 */
export function resolveBuiltinModel(name: string): string | undefined {
  const bare = name.startsWith("builtin:") ? name.slice("builtin:".length) : name;
  const model = builtinModels.find((candidate) => candidate.name === bare);
  if (model === undefined) return undefined;
  if (!existsSync(model.path)) {
    throw new Error(
      `Expected the built-in model ${JSON.stringify(bare)} at ${model.path}, got no file there (was the package installed without models/?)`,
    );
  }
  return model.path;
}
