import type { GpuLayers, LlamaDevice } from "./llama-device.js";

/** How a model is placed on the device its binding runs on. */
export interface DeviceSettings {
  /** Layers offloaded to the GPU; always 0 on the CPU. */
  readonly gpuLayers: GpuLayers;
  /** Threads of each decode; `undefined` leaves node-llama-cpp's default. */
  readonly threads: number | undefined;
}

/**
 * The defaults of each device. On the CPU: no layers to offload and one thread per decode (more is
 * faster only on an idle machine; under load ggml's spinning workers can make it 10× slower). On
 * a GPU: node-llama-cpp's own choices, which fit the layers to free VRAM and give the little CPU
 * work left all math cores. Given values win, except layers on the CPU, which has no GPU to take
 * them (a GPU layer count meant for `gpu: "auto"` on a machine without one is not an error).
 */
export function chooseDeviceSettings(
  device: LlamaDevice,
  given: { readonly gpuLayers?: GpuLayers; readonly threads?: number },
): DeviceSettings {
  if (device === "cpu") return { gpuLayers: 0, threads: given.threads ?? 1 };
  return { gpuLayers: given.gpuLayers ?? "auto", threads: given.threads };
}
