import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { LlamaError } from "../errors.js";

/** Where a model option points on disk. */
export async function locateModel(
  model: string,
  _options: { readonly cacheDir?: string; readonly signal?: AbortSignal },
): Promise<string> {
  const path = resolve(model);
  try {
    await access(path);
  } catch (error) {
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected a GGUF model file at ${path}, got no such file.`,
      { cause: error },
    );
  }
  return path;
}
