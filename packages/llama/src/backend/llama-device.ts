import type { LlamaGpuType } from "node-llama-cpp";

/**
 * Which llama.cpp backend to load: `"auto"` lets node-llama-cpp pick the best one it detects
 * (Metal on Apple silicon; CUDA, then Vulkan, then the CPU on Linux and Windows); a named GPU
 * backend must load or `loadModel` fails; `false` is the CPU only.
 */
export type GpuChoice = "auto" | "cuda" | "vulkan" | "metal" | false;

/** Every value `gpu` accepts, in the order errors list them. */
export const GPU_CHOICES: readonly GpuChoice[] = Object.freeze([
  "auto",
  "cuda",
  "vulkan",
  "metal",
  false,
]);

/** Where a loaded model computes: the backend node-llama-cpp loaded. */
export type LlamaDevice = "cpu" | "cuda" | "vulkan" | "metal";

/**
 * How many layers go to the GPU: `"auto"` as many as node-llama-cpp finds room for in VRAM
 * (its own default), `"max"` all of them (fails when they do not fit), or a count.
 */
export type GpuLayers = "auto" | "max" | number;

/** Tells whether `value` is one of {@link GPU_CHOICES}. */
export function isGpuChoice(value: unknown): value is GpuChoice {
  return GPU_CHOICES.includes(value as GpuChoice);
}

/** The device of node-llama-cpp's `llama.gpu`, whose CPU is `false`. */
export function toLlamaDevice(gpu: LlamaGpuType): LlamaDevice {
  return gpu === false ? "cpu" : gpu;
}

/** How a choice reads in messages: `cuda`, `auto`, `false`. */
export function describeGpuChoice(gpu: GpuChoice): string {
  return gpu === false ? "false" : gpu;
}
