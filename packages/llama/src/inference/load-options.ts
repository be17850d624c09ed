import type { LlamaLogLevel } from "node-llama-cpp";
import {
  GPU_CHOICES,
  type GpuChoice,
  type GpuLayers,
  isGpuChoice,
} from "../backend/llama-device.js";
import { LlamaError } from "../errors.js";
import type { DownloadProgress } from "../resolve/download-model.js";

/** Options of `loadModel`. */
export interface LoadModelOptions {
  /**
   * A GGUF file path, an `hf:` URI, an https URL, `synthetic:<name>` or `builtin:<name>` (a model
   * a package registers, like `builtin:tiny-reasoner` of `@deliberate/tiny-reasoner`).
   */
  readonly model: string;
  /**
   * Which llama.cpp backend runs the model: `"auto"` is node-llama-cpp's detection (Metal on
   * Apple silicon, else CUDA, then Vulkan, then the CPU); `"cuda"`, `"vulkan"` or `"metal"` must
   * load or fail with `BACKEND_UNAVAILABLE`; `false` is the CPU only. The model's `device` says
   * which one runs it.
   * @default "auto"
   */
  readonly gpu?: GpuChoice;
  /**
   * Layers offloaded to the GPU: a count, `"max"` (all; fails when they do not fit) or `"auto"`
   * (as many as fit in free VRAM). Ignored when the backend is the CPU; with `gpu: false` only 0.
   * @default "auto" on a GPU, 0 on the CPU
   */
  readonly gpuLayers?: GpuLayers;
  /**
   * CPU threads of each decode. On the CPU more than one is faster only on an idle machine; under
   * other load ggml's spinning workers can make it 10× slower.
   * @default 1 on the CPU; on a GPU node-llama-cpp's default (the CPU's math cores)
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
    "model" | "gpu" | "branches" | "chat" | "promptChunkMs" | "maxPromptChunk" | "forkThreshold"
  >
> &
  Pick<
    LoadModelOptions,
    | "threads"
    | "gpuLayers"
    | "contextSize"
    | "cacheDir"
    | "signal"
    | "logLevel"
    | "onDownloadProgress"
  >;

/** Applies defaults and rejects a wrong option before any model work, naming the field. */
export function checkLoadOptions(options: LoadModelOptions): CheckedLoadOptions {
  if (typeof options.model !== "string" || options.model.length === 0) {
    throw invalid(
      "model",
      "a non-empty string (a path, hf: URI, https URL, synthetic:<name> or builtin:<name>)",
      options.model,
    );
  }
  const checked: CheckedLoadOptions = {
    ...options,
    gpu: options.gpu ?? "auto",
    branches: options.branches ?? 4,
    chat: options.chat ?? "auto",
    promptChunkMs: options.promptChunkMs ?? 40,
    maxPromptChunk: options.maxPromptChunk ?? 128,
    forkThreshold: options.forkThreshold ?? 16,
  };
  if (checked.threads !== undefined) expectInteger("threads", checked.threads, 1);
  checkGpu(checked.gpu, checked.gpuLayers);
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

/** Rejects a `gpu` that is no {@link GpuChoice} and GPU layers it cannot take, naming the field. */
export function checkGpu(gpu: unknown, gpuLayers?: unknown): asserts gpu is GpuChoice {
  if (!isGpuChoice(gpu)) {
    const choices = GPU_CHOICES.map((choice) => (choice === false ? "false" : `"${choice}"`));
    invalidThrow("gpu", `one of ${choices.join(", ")}`, gpu);
  }
  if (gpuLayers === undefined) return;
  const count = Number.isInteger(gpuLayers) && (gpuLayers as number) >= 0;
  if (!count && gpuLayers !== "auto" && gpuLayers !== "max") {
    invalidThrow("gpuLayers", 'an integer ≥ 0, "auto" or "max"', gpuLayers);
  }
  // "auto" on the CPU means none; a count or "max" asks for a GPU that gpu: false rules out.
  if (gpu === false && gpuLayers !== 0 && gpuLayers !== "auto") {
    invalidThrow("gpuLayers", '0 or "auto" with gpu: false (the CPU holds every layer)', gpuLayers);
  }
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
