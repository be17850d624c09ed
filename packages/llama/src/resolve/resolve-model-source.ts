import { access, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelDownloadEndpoints } from "node-llama-cpp";
import { BUILTIN_PREFIX } from "../builtin/builtin-registry.js";
import { locateBuiltinModel } from "../builtin/locate-builtin-model.js";
import { LlamaError } from "../errors.js";
import {
  ensureSyntheticModel,
  SYNTHETIC_PREFIX,
} from "../gguf/synthetic/ensure-synthetic-model.js";
import { resolveModelsDir } from "./cache-dir.js";
import { type DownloadProgress, downloadModel } from "./download-model.js";

/** Options of {@link resolveModelSource}. */
export interface ResolveModelOptions {
  /** Cache directory; models go to its `models/` folder. @default $DELIBERATE_CACHE or ~/.cache/deliberate */
  readonly cacheDir?: string;
  /** Called as a download's bytes arrive. @default none */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Cancels a download. @default none */
  readonly signal?: AbortSignal;
  /** Other Hugging Face endpoint for `hf:` URIs (a mirror). @default huggingface.co */
  readonly endpoints?: ModelDownloadEndpoints;
}

/** Where a model option led: a GGUF path on disk and how it got there. */
export interface ResolvedModelSource {
  readonly path: string;
  readonly kind: "file" | "synthetic" | "download" | "builtin";
  /** True for `synthetic:*` models: random or table weights, no knowledge. */
  readonly synthetic: boolean;
}

/** Tells which kind of source a model option names, without touching the disk or network. */
export function classifyModelSource(model: string): ResolvedModelSource["kind"] {
  if (model.startsWith(SYNTHETIC_PREFIX)) return "synthetic";
  if (model.startsWith(BUILTIN_PREFIX)) return "builtin";
  if (/^(hf|huggingface):/i.test(model) || /^https?:\/\//i.test(model)) return "download";
  return "file";
}

/**
 * Turns a model option into a GGUF file on disk: a path (relative to the working directory or a
 * `file:` URL), `synthetic:<name>` (written into the cache on first use), `builtin:<name>` (the
 * file a package registered, see `registerBuiltinModel`), or an `hf:` URI or http(s) URL
 * (downloaded into the cache by node-llama-cpp's downloader, reused when there).
 * It does not validate the file: call {@link inspectModelFile} before a native load.
 *
 * @example
 * ```ts
 * const { path } = await resolveModelSource("synthetic:tiny");
 * const info = await inspectModelFile(path);
 * ```
 */
export async function resolveModelSource(
  model: string,
  options: ResolveModelOptions = {},
): Promise<ResolvedModelSource> {
  if (typeof model !== "string" || model.trim() === "") {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected \`model\` to be a file path, synthetic:<name>, builtin:<name>, an hf: URI or an https URL, got ${JSON.stringify(model)}`,
    );
  }
  const kind = classifyModelSource(model);
  if (kind === "builtin") {
    const { path } = await locateBuiltinModel(model);
    return { path, kind, synthetic: false };
  }
  const modelsDir = resolveModelsDir(options.cacheDir);
  if (kind === "synthetic") {
    const path = await ensureSyntheticModel(model.slice(SYNTHETIC_PREFIX.length), modelsDir);
    return { path, kind, synthetic: true };
  }
  if (kind === "download") {
    const { onProgress, signal, endpoints } = options;
    const path = await downloadModel(model, {
      modelsDir,
      ...(onProgress === undefined ? {} : { onProgress }),
      ...(signal === undefined ? {} : { signal }),
      ...(endpoints === undefined ? {} : { endpoints }),
    });
    return { path, kind, synthetic: false };
  }
  return { path: await locateModelFile(model), kind, synthetic: false };
}

/** Resolves a path or `file:` URL and checks that a regular file is there. */
async function locateModelFile(model: string): Promise<string> {
  const path = model.startsWith("file:") ? fileURLToPath(model) : resolve(model);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected a GGUF model file at ${path}, got no such file. Check the path given to --model, or use synthetic:tiny.`,
    );
  }
  if (!(await stat(path)).isFile()) {
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected a GGUF model file at ${path}, got a directory. Pass the .gguf file inside it.`,
    );
  }
  return path;
}
