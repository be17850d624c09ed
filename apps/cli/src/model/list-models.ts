// The built-in models the CLI ships: importing the package registers them for `builtin:<name>`.
import "@deliberate/tiny-reasoner";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import {
  BUILTIN_PREFIX,
  type CachedModel,
  listBuiltinModels,
  listCachedModels,
} from "@deliberate/llama";

/** A model `deliberate models` lists: shipped with the project, or in the cache. */
export interface ListedModel extends CachedModel {
  /** Whether it ships with the project (`builtin:<name>`) rather than sitting in the cache. */
  readonly builtin: boolean;
}

/**
 * Lists the registered built-in models first (those `loadModel` resolves), then the cache. A
 * built-in model whose file is missing from the install is left out: `--model builtin:<name>`
 * says why when it is asked for.
 */
export async function listModels(): Promise<ListedModel[]> {
  const builtins: ListedModel[] = [];
  for (const model of listBuiltinModels()) {
    const stats = await stat(model.path).catch(() => undefined);
    if (!stats?.isFile()) continue;
    builtins.push({
      file: basename(model.path),
      path: model.path,
      bytes: stats.size,
      synthetic: false,
      model: `${BUILTIN_PREFIX}${model.name}`,
      builtin: true,
    });
  }
  const cached = (await listCachedModels()).map((model) => ({ ...model, builtin: false }));
  return [...builtins, ...cached];
}
