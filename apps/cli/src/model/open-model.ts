import { isLlamaError, type LlamaModel, loadModel, resolveModelSource } from "@deliberate/llama";
import { CliError, ExitCode } from "../cli-error.js";
import { createDownloadBar } from "../ui/download-bar.js";
import type { Terminal } from "../ui/terminal.js";
import { DEFAULT_MODEL } from "./default-model.js";
import { resolveBuiltinPath } from "./resolve-builtin-path.js";

/** Options of {@link openModel}. */
export interface OpenModelOptions {
  readonly threads: number;
  readonly terminal: Terminal;
  /** Cancels a download or a load (Ctrl-C while the model loads). */
  readonly signal?: AbortSignal;
  /** Where notices go (stderr). */
  readonly notify: (line: string) => void;
}

/**
 * Resolves `--model` to a GGUF file (a `builtin:*` model to the file shipped with the project,
 * downloading an `hf:` URI or URL into the cache with a progress
 * bar, writing a `synthetic:*` model on first use) and loads it. A synthetic model gets a one-line
 * notice that its weights are random; a failed download of the default model says how to go on.
 */
export async function openModel(spec: string, options: OpenModelOptions): Promise<LlamaModel> {
  const builtin = resolveBuiltinPath(spec);
  if (builtin !== undefined) {
    return loadModel({
      model: builtin,
      threads: options.threads,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
  const bar = createDownloadBar(`downloading ${spec}`, options.terminal);
  let source: Awaited<ReturnType<typeof resolveModelSource>>;
  try {
    source = await resolveModelSource(spec, {
      onProgress: (progress) => bar.update(progress),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw explainResolveError(spec, error);
  } finally {
    bar.stop();
  }
  if (source.synthetic) {
    options.notify(
      `note: ${spec} has random weights: it knows nothing, so any answer comes from the search and the task's checks, not from the model.`,
    );
  }
  return loadModel({
    model: source.path,
    threads: options.threads,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * Names the default model in a failed download: the user never typed it. The llama package's
 * message already says the machine looks offline and names `--model <file>` and `synthetic:tiny`.
 */
function explainResolveError(spec: string, error: unknown): unknown {
  if (spec !== DEFAULT_MODEL || !isLlamaError(error, "OFFLINE", "DOWNLOAD_FAILED")) return error;
  return new CliError(
    `No --model given, and the default model could not be fetched on first use. ${error.message}`,
    ExitCode.error,
    { cause: error },
  );
}
