import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { type CachedModel, listCachedModels } from "@deliberate/llama";
import { builtinModels } from "@deliberate/tiny-reasoner";
import { BUILTIN_PREFIX } from "./builtin-prefix.js";

/** A model `deliberate models` lists: shipped with the project, or in the cache. */
export interface ListedModel extends CachedModel {
  /** Whether it ships with the project (`builtin:<name>`) rather than sitting in the cache. */
  readonly builtin: boolean;
}

/**
 * Lists the built-in models first, then the cache. A built-in model whose file is missing from
 * the install is left out: `--model builtin:<name>` says why when it is asked for.
 */
export async function listModels(): Promise<ListedModel[]> {
  const builtins: ListedModel[] = [];
  for (const model of builtinModels) {
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
