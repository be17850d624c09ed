import {
  type InspectModelOptions,
  inspectModelFile,
  type ModelFileInfo,
} from "./inspect-model-file.js";
import {
  type ResolvedModelSource,
  type ResolveModelOptions,
  resolveModelSource,
} from "./resolve-model-source.js";

/**
 * Fetches a model into the cache and checks it, for `deliberate pull`: downloads an `hf:` URI or
 * an http(s) URL (or writes a `synthetic:*` model), then validates the file as a loadable GGUF.
 *
 * @example
 * ```ts
 * const pulled = await pullModel("hf:user/model:Q4_K_M", {
 *   onProgress: ({ downloadedBytes, totalBytes }) => console.log(downloadedBytes / totalBytes),
 * });
 * console.log(pulled.path, pulled.info.parameters);
 * ```
 */
export async function pullModel(
  uri: string,
  options: ResolveModelOptions & InspectModelOptions = {},
): Promise<ResolvedModelSource & { readonly info: ModelFileInfo }> {
  const source = await resolveModelSource(uri, options);
  const info = await inspectModelFile(source.path, {
    ...(options.memoryBytes === undefined ? {} : { memoryBytes: options.memoryBytes }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  return { ...source, info };
}
