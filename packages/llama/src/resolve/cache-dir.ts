import { homedir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The cache directory of deliberate: `cacheDir` if given, else `$DELIBERATE_CACHE`, else
 * `~/.cache/deliberate`. Models live in its `models/` folder.
 */
export function resolveCacheDir(cacheDir?: string): string {
  const chosen = cacheDir ?? process.env.DELIBERATE_CACHE;
  return chosen !== undefined && chosen !== ""
    ? resolve(chosen)
    : join(homedir(), ".cache", "deliberate");
}

/** The folder that holds synthetic and downloaded models: `<cache dir>/models`. */
export function resolveModelsDir(cacheDir?: string): string {
  return join(resolveCacheDir(cacheDir), "models");
}
