import { builtinModels, resolveBuiltinModel } from "@deliberate/tiny-reasoner";
import { createUsageError } from "../cli-error.js";
import { BUILTIN_PREFIX, isBuiltinModel } from "./builtin-prefix.js";

/**
 * The GGUF file of a `builtin:<name>` model, or `undefined` when `spec` does not start with
 * `builtin:`. Only the prefixed form is built in here: a bare `tiny-reasoner` stays a file path,
 * as every other `--model` without a scheme is. An unknown built-in name is a usage error.
 */
export function resolveBuiltinPath(spec: string): string | undefined {
  if (!isBuiltinModel(spec)) return undefined;
  const path = resolveBuiltinModel(spec);
  if (path === undefined) {
    const known = builtinModels.map((model) => `${BUILTIN_PREFIX}${model.name}`).join(", ");
    throw createUsageError(`Expected a built-in model (${known}), got "${spec}".`);
  }
  return path;
}
