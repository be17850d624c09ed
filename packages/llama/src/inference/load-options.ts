import type { LlamaLogLevel } from "node-llama-cpp";
import { LlamaError } from "../errors.js";
import type { DownloadProgress } from "../resolve/download-model.js";

/** Options of `loadModel`. */
export interface LoadModelOptions {
  /** A GGUF file path, an `hf:` URI, an https URL or `synthetic:<name>`. */
  readonly model: string;
  /**
   * CPU threads of each decode. More than one is faster only on an idle machine; under other load
   * ggml's spinning workers can make it 10× slower.
   * @default 1
   */
  readonly threads?: number;
  /**
   * Tokens each sequence holds (prompt plus generation), capped at the model's training context.
   * @default 2048
   */
  readonly contextSize?: number;
  /**
   * Sequences in the pool: how many branches are decoded together and how many prompts stay cached.
   * @default 4
   */
  readonly branches?: number;
  /** Where downloaded and synthetic models and the fork scratch files go. @default the OS temp dir */
  readonly cacheDir?: string;
  /** Called as a download's bytes arrive (`hf:` and https models). */
  readonly onDownloadProgress?: (progress: DownloadProgress) => void;
  /** Cancels a download or a load in progress. */
  readonly signal?: AbortSignal;
  /**
   * `"auto"` renders prompts through the GGUF's chat template when it has one; `false` always
   * concatenates the segments as a base model reads them.
   * @default "auto"
   */
  readonly chat?: "auto" | boolean;
  /**
   * Time one prompt chunk (one decode) should take: chunks are sized from the measured speed,
   * because an abort during a prompt lands only between chunks.
   * @default 40
   */
  readonly promptChunkMs?: number;
  /**
   * Most prompt tokens in one chunk.
   * @default 128
   */
  readonly maxPromptChunk?: number;
  /**
   * A sibling branch whose sequence misses more than this many prompt tokens gets a copy of the
   * first branch's state instead of evaluating them.
   * @default 16
   */
  readonly forkThreshold?: number;
  /** llama.cpp's log level (its warnings about odd but harmless metadata are noise). @default "error" */
  readonly logLevel?: LlamaLogLevel;
}

export type CheckedLoadOptions = Required<
  Pick<
    LoadModelOptions,
    "model" | "threads" | "branches" | "chat" | "promptChunkMs" | "maxPromptChunk" | "forkThreshold"
  >
> &
  Pick<LoadModelOptions, "contextSize" | "cacheDir" | "signal" | "logLevel" | "onDownloadProgress">;

/** Applies defaults and rejects a wrong option before any model work, naming the field. */
export function checkLoadOptions(options: LoadModelOptions): CheckedLoadOptions {
  if (typeof options.model !== "string" || options.model.length === 0) {
    throw invalid(
      "model",
      "a non-empty string (a path, hf: URI, https URL or synthetic:<name>)",
      options.model,
    );
  }
  const checked: CheckedLoadOptions = {
    ...options,
    threads: options.threads ?? 1,
    branches: options.branches ?? 4,
    chat: options.chat ?? "auto",
    promptChunkMs: options.promptChunkMs ?? 40,
    maxPromptChunk: options.maxPromptChunk ?? 128,
    forkThreshold: options.forkThreshold ?? 16,
  };
  expectInteger("threads", checked.threads, 1);
  expectInteger("branches", checked.branches, 1);
  expectInteger("maxPromptChunk", checked.maxPromptChunk, 1);
  if (!(checked.promptChunkMs > 0))
    invalidThrow("promptChunkMs", "a number > 0", checked.promptChunkMs);
  expectInteger("forkThreshold", checked.forkThreshold, 0);
  if (checked.contextSize !== undefined) expectInteger("contextSize", checked.contextSize, 16);
  if (!["auto", true, false].includes(checked.chat))
    invalidThrow("chat", '"auto", true or false', checked.chat);
  return checked;
}

function expectInteger(field: string, value: unknown, min: number): void {
  if (!Number.isInteger(value) || (value as number) < min)
    invalidThrow(field, `an integer ≥ ${min}`, value);
}

function invalidThrow(field: string, expected: string, value: unknown): never {
  throw invalid(field, expected, value);
}

function invalid(field: string, expected: string, value: unknown): LlamaError {
  return new LlamaError(
    "INVALID_OPTION",
    `Expected \`${field}\` to be ${expected}, got \`${String(value)}\` (${typeof value}).`,
  );
}
