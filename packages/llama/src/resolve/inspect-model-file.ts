import { open, stat } from "node:fs/promises";
import { totalmem } from "node:os";
import { type GgufFileInfo, readGgufFileInfo } from "node-llama-cpp";
import { LlamaError } from "../errors.js";
import { isSupportedArchitecture, listSupportedArchitectures } from "./supported-architectures.js";
import { measureTensorBytes } from "./tensor-bytes.js";

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
}

const GGUF_MAGIC = "GGUF";

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
 * on some bad files — and returns what its header says. Throws a {@link LlamaError}:
 * `MODEL_NOT_FOUND` (no file), `NOT_GGUF` (other format, unreadable header, truncated data),
 * `UNSUPPORTED_ARCHITECTURE`, `LOAD_FAILED` (a file llama.cpp would abort on) or `MODEL_TOO_BIG`.
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
  await checkMagic(path, bytes);
  const info = await readGgufFileInfo(path, { sourceType: "filesystem", logWarnings: false }).catch(
    (error: unknown) => {
      throw new LlamaError(
        "NOT_GGUF",
        `Expected a readable GGUF header in ${path}, got: ${error instanceof Error ? error.message : String(error)}. The file is damaged or not a model: download it again.`,
        { cause: error },
      );
    },
  );
  checkHeader(path, bytes, info);
  const parameters = checkTensors(path, bytes, info);
  const architecture = String(info.metadata.general.architecture);
  if (!isSupportedArchitecture(architecture)) {
    throw new LlamaError(
      "UNSUPPORTED_ARCHITECTURE",
      `Expected a text-generation architecture that llama.cpp supports (such as llama, qwen2, qwen3, gemma3, phi3; ${listSupportedArchitectures().length} in all), got ${JSON.stringify(architecture)} in ${path}. Use a GGUF of a supported model.`,
    );
  }
  if (architecture === "llama") checkLlamaKeys(path, info);
  const memoryBytes = options.memoryBytes ?? totalmem();
  if (bytes > memoryBytes) {
    throw new LlamaError(
      "MODEL_TOO_BIG",
      `Expected a model that fits in this machine's ${formatGigabytes(memoryBytes)} of memory, got ${path} of ${formatGigabytes(bytes)}. Use a smaller or more quantized model (for example a Q4_K_M file).`,
    );
  }
  const metadata = info.architectureMetadata as { context_length?: number };
  const tokenizer = info.metadata.tokenizer as { chat_template?: string } | undefined;
  return {
    path,
    bytes,
    architecture,
    name: info.metadata.general?.name,
    parameters,
    contextLength: metadata.context_length,
    chatTemplate: tokenizer?.chat_template,
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

async function checkMagic(path: string, bytes: number): Promise<void> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  const magic = head.subarray(0, Math.min(4, bytes)).toString("latin1");
  if (magic !== GGUF_MAGIC) {
    throw new LlamaError(
      "NOT_GGUF",
      `Expected a GGUF file (starting with "GGUF") at ${path}, got ${bytes} bytes starting with ${JSON.stringify(magic)}. Convert the model to GGUF or pick a .gguf file.`,
    );
  }
}

/** The reader pads a short file with zeros instead of failing: check what it cannot. */
function checkHeader(path: string, bytes: number, info: GgufFileInfo): void {
  const problem =
    info.version !== 2 && info.version !== 3
      ? `GGUF version 2 or 3, got version ${info.version}`
      : (info.infoEndOffset ?? 0) > bytes
        ? `a header that fits in the file's ${bytes} bytes, got one that ends at byte ${info.infoEndOffset}`
        : info.metadata.general?.architecture === undefined
          ? "the metadata key `general.architecture`, got none: the file holds no model"
          : undefined;
  if (problem !== undefined) {
    throw new LlamaError(
      "NOT_GGUF",
      `Expected ${problem} (${path}). The file is damaged or not a model: download or write it again.`,
    );
  }
}

/** Checks that every tensor's data lies inside the file and that 1-D tensors are F32; counts parameters. */
function checkTensors(path: string, bytes: number, info: GgufFileInfo): number {
  const countElements = (dims: readonly (number | bigint)[]) =>
    dims.reduce<number>((product, dim) => product * Number(dim), 1);
  // A split model's other parts hold tensors too: count them, but check offsets in this file only.
  const parameters = (info.fullTensorInfo ?? info.tensorInfo ?? []).reduce(
    (total, tensor) => total + countElements(tensor.dimensions),
    0,
  );
  for (const tensor of info.tensorInfo ?? []) {
    const end =
      Number(tensor.fileOffset) + (measureTensorBytes(tensor.ggmlType, tensor.dimensions) ?? 1);
    if (end > bytes) {
      throw new LlamaError(
        "NOT_GGUF",
        `Expected tensor \`${tensor.name}\` to end within ${path} (${bytes} bytes), got an end at byte ${end}: the file is truncated. Download or write it again.`,
      );
    }
    if (tensor.dimensions.length === 1 && tensor.ggmlType !== 0) {
      throw new LlamaError(
        "LOAD_FAILED",
        `Expected 1-D tensor \`${tensor.name}\` in ${path} to be F32, got ggml type ${tensor.ggmlType}: llama.cpp would abort the process on it. Write 1-D tensors as F32.`,
      );
    }
  }
  return parameters;
}

function checkLlamaKeys(path: string, info: GgufFileInfo): void {
  const metadata = info.architectureMetadata as Record<string, unknown>;
  for (const key of REQUIRED_LLAMA_KEYS) {
    const [group, field] = key.split(".");
    const value =
      field === undefined
        ? metadata[key]
        : (metadata[group ?? ""] as Record<string, unknown> | undefined)?.[field];
    if (value === undefined) {
      throw new LlamaError(
        "LOAD_FAILED",
        `Expected metadata key \`llama.${key}\` in ${path}, got none: llama.cpp would abort the process loading it. The file was written incompletely.`,
      );
    }
  }
}
