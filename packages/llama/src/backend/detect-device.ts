import { checkGpu } from "../inference/load-options.js";
import { type GpuChoice, type LlamaDevice, toLlamaDevice } from "./llama-device.js";
import { loadLlama } from "./load-llama.js";

/** What a `gpu` choice comes to on this machine. */
export interface DetectedDevice {
  /** The choice asked about. */
  readonly gpu: GpuChoice;
  /** The backend models load on with that choice. */
  readonly device: LlamaDevice;
  /** Names of the GPUs that backend sees; empty on the CPU. */
  readonly gpuNames: readonly string[];
}

/**
 * Loads the binding of a `gpu` choice (shared with `loadModel`, so no work is lost) and says
 * which backend it is, without loading a model: what `deliberate models` shows. A named backend
 * that cannot run here rejects with `BACKEND_UNAVAILABLE`, as `loadModel` would.
 *
 * @example
 * ```ts
 * const { device } = await detectDevice(); // "cpu" on a machine without a usable GPU
 * ```
 */
export async function detectDevice(gpu: GpuChoice = "auto"): Promise<DetectedDevice> {
  checkGpu(gpu);
  const llama = await loadLlama({ gpu });
  const device = toLlamaDevice(llama.gpu);
  const gpuNames = device === "cpu" ? [] : await llama.getGpuDeviceNames();
  return { gpu, device, gpuNames };
}
