import { stat } from "node:fs/promises";
import { totalmem } from "node:os";
import { LlamaError } from "../errors.js";
import { type GgufHeaderRecord, readGgufHeader } from "../gguf/read-gguf-header.js";
import type { GgufReadValue } from "../gguf/read-gguf-value.js";
import { readSplitParts } from "./split-parts.js";
import { isSupportedArchitecture, listSupportedArchitectures } from "./supported-architectures.js";

/** What {@link inspectModelFile} learned from a GGUF header. */
export interface ModelFileInfo {
  readonly path: string;
  readonly bytes: number;
  readonly architecture: string;
  /** `general.name`, if the file has one. */
  readonly name: string | undefined;
  readonly parameters: number;
  readonly contextLength: number | undefined;
  /** The Jinja chat template of a chat-tuned model; undefined for a base model. */
  readonly chatTemplate: string | undefined;
}

/** Options of {@link inspectModelFile}. */
export interface InspectModelOptions {
  /** Memory the model must fit in. @default os.totalmem() */
  readonly memoryBytes?: number;
  /** Stops reading the header (an `ABORTED` error), as Ctrl-C during a load does. */
  readonly signal?: AbortSignal;
}

/** Metadata a llama model cannot load without: llama.cpp aborts the process when one is missing. */
const REQUIRED_LLAMA_KEYS = [
  "embedding_length",
  "block_count",
  "feed_forward_length",
  "attention.head_count",
] as const;

const formatGigabytes = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/**
 * Checks a model file in pure JS before any native load — llama.cpp aborts the whole process
 * on some bad files — and returns what its header says. The whole header is read (and, for a
 * split model, every part's), bounded by the file's size and sane limits, so a damaged file
 * answers within a second and never reaches llama.cpp. Throws a {@link LlamaError}:
 * `MODEL_NOT_FOUND` (no file), `NOT_GGUF` (other format, unreadable header, truncated data),
 * `UNSUPPORTED_ARCHITECTURE`, `LOAD_FAILED` (a file llama.cpp would abort on), `MODEL_TOO_BIG`
 * or `ABORTED` (the signal fired).
 *
 * @example
 * ```ts
 * const info = await inspectModelFile("./models/stories260K.gguf");
 * console.log(info.architecture, info.parameters, info.chatTemplate ? "chat" : "base");
 * ```
 */
export async function inspectModelFile(
  path: string,
  options: InspectModelOptions = {},
): Promise<ModelFileInfo> {
  const bytes = await measureFile(path);
  const header = await readGgufHeader(path, options.signal ? { signal: options.signal } : {});
  const parts = await readSplitParts(path, header, options.signal);
  const architecture = header.metadata.get("general.architecture");
  if (architecture === undefined) {
    throw new LlamaError(
      "NOT_GGUF",
      `Expected the metadata key \`general.architecture\`, got none: the file holds no model (${path}). The file is damaged or not a model: download or write it again.`,
    );
  }
  const parameters = checkTensors(path, [header, ...parts]);
  if (typeof architecture !== "string" || !isSupportedArchitecture(architecture)) {
    throw new LlamaError(
      "UNSUPPORTED_ARCHITECTURE",
      `Expected a text-generation architecture that llama.cpp supports (such as llama, qwen2, qwen3, gemma3, phi3; ${listSupportedArchitectures().length} in all), got ${JSON.stringify(String(architecture))} in ${path}. Use a GGUF of a supported model.`,
    );
  }
  if (architecture === "llama") checkLlamaKeys(path, header.metadata);
  checkVocabulary(path, header.metadata.get("tokenizer.ggml.tokens"));
  const memoryBytes = options.memoryBytes ?? totalmem();
  const totalBytes = parts.reduce((total, part) => total + part.fileBytes, bytes);
  if (totalBytes > memoryBytes) {
    throw new LlamaError(
      "MODEL_TOO_BIG",
      `Expected a model that fits in this machine's ${formatGigabytes(memoryBytes)} of memory, got ${path} of ${formatGigabytes(totalBytes)}. Use a smaller or more quantized model (for example a Q4_K_M file).`,
    );
  }
  const text = (key: string): string | undefined => {
    const value = header.metadata.get(key);
    return typeof value === "string" ? value : undefined;
  };
  const contextLength = header.metadata.get(`${architecture}.context_length`);
  return {
    path,
    bytes,
    architecture,
    name: text("general.name"),
    parameters,
    contextLength: typeof contextLength === "number" ? contextLength : undefined,
    chatTemplate: text("tokenizer.chat_template"),
  };
}

async function measureFile(path: string): Promise<number> {
  const stats = await stat(path).catch((error: unknown) => {
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected a GGUF model file at ${path}, got no such file. Check the path given to --model, or use synthetic:tiny.`,
      { cause: error },
    );
  });
  if (!stats.isFile()) {
    throw new LlamaError(
      "MODEL_NOT_FOUND",
      `Expected a GGUF model file at ${path}, got a directory. Pass the .gguf file inside it.`,
    );
  }
  return stats.size;
}

/**
 * Counts the parameters of every part and refuses a 1-D tensor that is not F32 (llama.cpp aborts
 * the process on one). That each tensor lies inside its file the header read checked already.
 */
function checkTensors(path: string, headers: readonly GgufHeaderRecord[]): number {
  let parameters = 0;
  for (const header of headers) {
    for (const tensor of header.tensors) {
      parameters += tensor.dims.reduce((product, dim) => product * dim, 1);
      if (tensor.dims.length === 1 && tensor.ggmlType !== 0) {
        throw new LlamaError(
          "LOAD_FAILED",
          `Expected 1-D tensor \`${tensor.name}\` in ${path} to be F32, got ggml type ${tensor.ggmlType}: llama.cpp would abort the process on it. Write 1-D tensors as F32.`,
        );
      }
    }
  }
  return parameters;
}

function checkLlamaKeys(path: string, metadata: ReadonlyMap<string, unknown>): void {
  for (const key of REQUIRED_LLAMA_KEYS) {
    if (metadata.get(`llama.${key}`) === undefined) {
      throw new LlamaError(
        "LOAD_FAILED",
        `Expected metadata key \`llama.${key}\` in ${path}, got none: llama.cpp would abort the process loading it. The file was written incompletely.`,
      );
    }
  }
}

/** llama.cpp asserts that no two tokens are alike and aborts the process when two are. */
function checkVocabulary(path: string, tokens: GgufReadValue | undefined): void {
  if (typeof tokens !== "object" || tokens.repeated === undefined) return;
  const { index, first, text } = tokens.repeated;
  throw new LlamaError(
    "LOAD_FAILED",
    `Expected distinct tokens in \`tokenizer.ggml.tokens\` of ${path}, got token ${index} equal to token ${first} (${JSON.stringify(text)}): llama.cpp would abort the process on it. The file is damaged: download or write it again.`,
  );
}
