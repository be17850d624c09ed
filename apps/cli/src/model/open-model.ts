// The built-in models the CLI ships: importing the package registers them for `builtin:<name>`.
import "@deliberate/tiny-reasoner";
import { isLlamaError, type LlamaModel, loadModel, resolveModelSource } from "@deliberate/llama";
import { CliError, ExitCode } from "../cli-error.js";
import { type ModelFlags, pickModelOptions } from "../options/model-flags.js";
import { createDownloadBar } from "../ui/download-bar.js";
import type { Terminal } from "../ui/terminal.js";
import { DEFAULT_MODEL } from "./default-model.js";

/**
 * Options of {@link openModel}: where the model runs (`--gpu`, `--gpu-layers`, `--threads`), its
 * context (`--context`), and the terminal.
 */
export interface OpenModelOptions extends ModelFlags {
  readonly terminal: Terminal;
  /** Cancels a download or a load (Ctrl-C while the model loads). */
  readonly signal?: AbortSignal;
  /** Where notices go (stderr). */
  readonly notify: (line: string) => void;
}

/**
 * Resolves `--model` to a GGUF file as `loadModel` does (a `builtin:*` model to the file its
 * package registered, downloading an `hf:` URI or URL into the cache with a progress
 * bar, writing a `synthetic:*` model on first use) and loads it on the backend `--gpu` chooses. A
 * synthetic model gets a one-line notice that its weights are random; a failed download of the
 * default model says how to go on; an unknown built-in name is a usage error.
 */
export async function openModel(spec: string, options: OpenModelOptions): Promise<LlamaModel> {
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
  const { context, ...placement } = pickModelOptions(options);
  return loadModel({
    // A named model by its name, so its id (in the result, the tree and the viewer) is the name
    // the user typed; a file or a download by the path just resolved.
    model: source.kind === "builtin" || source.kind === "synthetic" ? spec : source.path,
    ...placement,
    ...(context === undefined ? {} : { contextSize: context }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * An unknown `builtin:` name is a mistake on the command line (exit 2). A failed download of the
 * default model names it: the user never typed it. The llama package's message already says the
 * machine looks offline and names `--model <file>` and `synthetic:tiny`.
 */
function explainResolveError(spec: string, error: unknown): unknown {
  if (isLlamaError(error, "UNKNOWN_BUILTIN")) {
    return new CliError(error.message, ExitCode.usage, { cause: error });
  }
  if (spec !== DEFAULT_MODEL || !isLlamaError(error, "OFFLINE", "DOWNLOAD_FAILED")) return error;
  return new CliError(
    `No --model given, and the default model could not be fetched on first use. ${error.message}`,
    ExitCode.error,
    { cause: error },
  );
}
