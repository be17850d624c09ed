import { availableParallelism } from "node:os";
import {
  getLlama,
  getLlamaGpuTypes,
  type Llama,
  type LlamaGpuType,
  LlamaLogLevel,
  NoBinaryFoundError,
} from "node-llama-cpp";
import { LlamaError } from "../errors.js";
import {
  describeGpuChoice,
  type GpuChoice,
  type LlamaDevice,
  toLlamaDevice,
} from "./llama-device.js";

/** Options of {@link loadLlama}. */
export interface LoadLlamaOptions {
  /** Which backend to load. @default "auto" */
  readonly gpu?: GpuChoice;
  /** llama.cpp's log level, fixed by the first load of each backend. @default "error" */
  readonly logLevel?: LlamaLogLevel;
}

// One binding per backend choice, and one per backend behind them: every model on a device then
// shares one thread budget, where two bindings on the same CPU would each spend all its cores.
const byChoice = new Map<GpuChoice, Promise<Llama>>();
const byDevice = new Map<LlamaGpuType, Llama>();

/**
 * The llama.cpp binding of a backend, loaded once per process from node-llama-cpp's prebuilt
 * binaries (never a build or a download). On the CPU it allows no more worker threads than
 * cores: node-llama-cpp's default of at least 4 runs 50–100× slower on a 2-core machine. On a GPU
 * the thread limit is node-llama-cpp's own (none). Choices that come to the same backend
 * (`"auto"` and `false` on a machine without a GPU) share one binding.
 *
 * A named backend (`cuda`, `vulkan`, `metal`) that cannot run here is a `LlamaError` with code
 * `BACKEND_UNAVAILABLE`; `"auto"` falls back to the CPU instead.
 *
 * @example
 * ```ts
 * const llama = await loadLlama({ gpu: "auto" });
 * console.log(llama.gpu); // false on a machine without a usable GPU
 * ```
 */
export function loadLlama(options: LoadLlamaOptions = {}): Promise<Llama> {
  const gpu = options.gpu ?? "auto";
  const cached = byChoice.get(gpu);
  if (cached) return cached;
  const loading = createLlama(gpu, options.logLevel ?? LlamaLogLevel.error);
  byChoice.set(gpu, loading);
  loading.catch(() => byChoice.delete(gpu));
  return loading;
}

async function createLlama(gpu: GpuChoice, logLevel: LlamaLogLevel): Promise<Llama> {
  let llama: Llama;
  try {
    llama = await getLlama({
      gpu,
      build: "never",
      // Its console warnings about incompatible binaries: the error below says it in one line.
      progressLogs: false,
      logLevel,
      ...(gpu === false ? { maxThreads: availableParallelism() } : {}),
    });
  } catch (error) {
    if (error instanceof NoBinaryFoundError && gpu !== false && gpu !== "auto") {
      throw await createUnavailableError(gpu, "no prebuilt binary of it that runs here", error);
    }
    throw new LlamaError(
      "LOAD_FAILED",
      `Expected node-llama-cpp's prebuilt llama.cpp binary (gpu: ${describeGpuChoice(gpu)}) to load, got: ${String(error)}`,
      { cause: error },
    );
  }
  const device = toLlamaDevice(llama.gpu);
  // node-llama-cpp reads "metal" off macOS as "auto": it may hand back another backend.
  if (gpu !== "auto" && gpu !== false && device !== gpu) {
    await llama.dispose();
    throw await createUnavailableError(gpu, `the ${device} backend instead`);
  }
  const shared = byDevice.get(llama.gpu);
  if (shared) {
    await llama.dispose();
    return shared;
  }
  byDevice.set(llama.gpu, llama);
  // "auto" may land on the CPU, where node-llama-cpp's thread limit is max(4, cores).
  if (device === "cpu") llama.maxThreads = availableParallelism();
  return llama;
}

async function createUnavailableError(
  gpu: Exclude<GpuChoice, "auto" | false>,
  got: string,
  cause?: unknown,
): Promise<LlamaError> {
  const found = await listDetectedDevices();
  return new LlamaError(
    "BACKEND_UNAVAILABLE",
    `Expected the ${gpu} backend, got ${got} (node-llama-cpp finds ${found.join(", ")} on this machine); use gpu: "auto" or false (--gpu auto or --gpu false).`,
    cause === undefined ? {} : { cause },
  );
}

/** The backends node-llama-cpp sees drivers and libraries for, the CPU last. */
async function listDetectedDevices(): Promise<LlamaDevice[]> {
  const types = await getLlamaGpuTypes("supported").catch(() => [false as const]);
  return types.map(toLlamaDevice);
}
