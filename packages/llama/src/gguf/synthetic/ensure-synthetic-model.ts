import { access, readdir, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { LlamaError } from "../../errors.js";
import { SYNTHETIC_GENERATION, SYNTHETIC_MODELS } from "./synthetic-catalog.js";

/** Prefix of model names that the project writes itself. */
export const SYNTHETIC_PREFIX = "synthetic:";

const pending = new Map<string, Promise<string>>();

/** File name of a synthetic model in the models cache. */
export function nameSyntheticFile(name: string): string {
  return `synthetic-${name}.g${SYNTHETIC_GENERATION}.gguf`;
}

/**
 * Returns the path of `synthetic:<name>` in `modelsDir`, writing the model first if it is not
 * there. Writes are atomic, and one process writes a model once even when asked concurrently.
 *
 * @example
 * ```ts
 * const path = await ensureSyntheticModel("tiny", "/home/me/.cache/deliberate/models");
 * ```
 */
export async function ensureSyntheticModel(name: string, modelsDir: string): Promise<string> {
  const model = SYNTHETIC_MODELS[name];
  if (model === undefined) {
    const known = Object.keys(SYNTHETIC_MODELS).map((known) => `${SYNTHETIC_PREFIX}${known}`);
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected a synthetic model name (${known.join(", ")}), got ${JSON.stringify(`${SYNTHETIC_PREFIX}${name}`)}`,
    );
  }
  const path = join(modelsDir, nameSyntheticFile(name));
  let writing = pending.get(path);
  if (writing === undefined) {
    writing = writeUnlessPresent(path, model.write).finally(() => pending.delete(path));
    pending.set(path, writing);
  }
  return writing;
}

async function writeUnlessPresent(
  path: string,
  write: (path: string) => Promise<unknown>,
): Promise<string> {
  const present = await access(path).then(
    () => true,
    () => false,
  );
  if (!present) {
    await write(path);
    await removeOtherGenerations(path);
  }
  return path;
}

/** Deletes the files an older generator left for the same model (bench alone is 70 MB). */
async function removeOtherGenerations(path: string): Promise<void> {
  const current = basename(path);
  const stem = current.replace(/\.g\d+\.gguf$/, "");
  const stale = (await readdir(dirname(path))).filter(
    (file) =>
      file !== current &&
      file.startsWith(`${stem}.g`) &&
      /^\.g\d+\.gguf$/.test(file.slice(stem.length)),
  );
  await Promise.all(stale.map((file) => rm(join(dirname(path), file), { force: true })));
}
