import type { GpuChoice, GpuLayers } from "@deliberate/llama";
import { type Command, InvalidArgumentError, Option } from "commander";
import { parseIntegerIn } from "./parse-values.js";

/**
 * The flags that place a model on the machine, as commander hands them over. Absent values are
 * `loadModel`'s defaults: `--gpu auto`, and layers and threads chosen for the backend it finds.
 */
export interface ModelFlags {
  readonly gpu?: GpuChoice;
  readonly gpuLayers?: GpuLayers;
  readonly threads?: number;
  /** `--context`: tokens the model reads at once (`loadModel`'s `contextSize`). */
  readonly context?: number;
}

const GPU_WORDS = ["auto", "cuda", "vulkan", "metal", "false"] as const;

/** Parses `--gpu`: a backend name, `auto`, or `false` for the CPU only. */
export function parseGpu(text: string): GpuChoice {
  if (text === "false") return false;
  if ((GPU_WORDS as readonly string[]).includes(text)) return text as GpuChoice;
  throw new InvalidArgumentError(`Expected one of ${GPU_WORDS.join(", ")}, got "${text}".`);
}

/** Parses `--gpu-layers`: a count of layers, `auto` or `max`. */
export function parseGpuLayers(text: string): GpuLayers {
  if (text === "auto" || text === "max") return text;
  try {
    return parseIntegerIn(0, 100_000)(text);
  } catch {
    throw new InvalidArgumentError(`Expected a layer count ≥ 0, auto or max, got "${text}".`);
  }
}

/**
 * Adds `--gpu`, `--gpu-layers`, `--threads` and `--context` to a command that loads a model. None has a
 * commander default, so `resume` can tell a flag given now from the one the search started with.
 */
export function addModelFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--gpu <backend>",
        "llama.cpp backend: auto (what node-llama-cpp detects), cuda, vulkan, metal, or false for the CPU only (default: auto)",
      ).argParser(parseGpu),
    )
    .addOption(
      new Option(
        "--gpu-layers <n>",
        "layers offloaded to the GPU: a count, auto (as many as fit) or max (default: auto on a GPU, 0 on the CPU)",
      ).argParser(parseGpuLayers),
    )
    .option(
      "--threads <n>",
      "CPU threads per decode (default: 1 on the CPU, node-llama-cpp's choice on a GPU)",
      parseIntegerIn(1, 256),
    )
    .option(
      "--context <n>",
      "tokens the model reads at once, prompt and generation, up to what it was trained on (default: 2048)",
      parseIntegerIn(16, 1_048_576),
    );
}

/** The `loadModel` options of the flags given, leaving out those not given. */
export function pickModelOptions(flags: ModelFlags): ModelFlags {
  return {
    ...(flags.gpu === undefined ? {} : { gpu: flags.gpu }),
    ...(flags.gpuLayers === undefined ? {} : { gpuLayers: flags.gpuLayers }),
    ...(flags.threads === undefined ? {} : { threads: flags.threads }),
    ...(flags.context === undefined ? {} : { context: flags.context }),
  };
}
