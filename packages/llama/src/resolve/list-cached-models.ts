import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { nameSyntheticFile, SYNTHETIC_PREFIX } from "../gguf/synthetic/ensure-synthetic-model.js";
import { SYNTHETIC_MODELS } from "../gguf/synthetic/synthetic-catalog.js";
import { resolveModelsDir } from "./cache-dir.js";

/** One model file in the cache, as `deliberate models` lists it. */
export interface CachedModel {
  /** File name inside the models folder. */
  readonly file: string;
  readonly path: string;
  readonly bytes: number;
  readonly synthetic: boolean;
  /** What to pass as `--model` to use it: `synthetic:<name>` or the file's path. */
  readonly model: string;
}

/**
 * Lists the GGUF files in the models cache (synthetic and downloaded), sorted by file name.
 * Files still being written or downloaded are left out.
 *
 * @example
 * ```ts
 * for (const cached of await listCachedModels()) console.log(cached.model, cached.bytes);
 * ```
 */
export async function listCachedModels(
  options: { readonly cacheDir?: string } = {},
): Promise<CachedModel[]> {
  const modelsDir = resolveModelsDir(options.cacheDir);
  const files = await readdir(modelsDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const syntheticNames = new Map(
    Object.keys(SYNTHETIC_MODELS).map((name) => [nameSyntheticFile(name), name]),
  );
  const models: CachedModel[] = [];
  for (const file of files.filter((name) => name.endsWith(".gguf")).sort()) {
    const path = join(modelsDir, file);
    const stats = await stat(path);
    if (!stats.isFile()) continue;
    const synthetic = syntheticNames.get(file);
    models.push({
      file,
      path,
      bytes: stats.size,
      synthetic: file.startsWith("synthetic-"),
      model: synthetic === undefined ? path : `${SYNTHETIC_PREFIX}${synthetic}`,
    });
  }
  return models;
}
