import type { DetectedDevice, GpuChoice } from "@deliberate/llama";
import { Command, Option } from "commander";
import { ExitCode } from "../cli-error.js";
import { DEFAULT_MODEL } from "../model/default-model.js";
import { parseGpu } from "../options/model-flags.js";
import { stringifyJson } from "../output/result-json.js";

interface ModelsFlags {
  readonly gpu?: GpuChoice;
  readonly json?: boolean;
  readonly debug?: boolean;
}

const formatMegabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * `deliberate models`: lists the built-in models and the models in the cache, with what to pass
 * as `--model`, and the backend models load on (`--gpu` asks about another choice).
 */
export function createModelsCommand(done: (code: ExitCode) => void): Command {
  return new Command("models")
    .description("list the built-in models, the models in the cache, and the backend they run on")
    .addOption(
      new Option(
        "--gpu <backend>",
        "the backend to report: auto, cuda, vulkan, metal or false (default: auto)",
      ).argParser(parseGpu),
    )
    .option("--json", "print the backend and the list as one JSON object")
    .option("--debug", "print stack traces of errors")
    .addHelpText(
      "after",
      `
Examples:
  $ deliberate models
  $ deliberate models --json
  $ deliberate models --gpu cuda      # fails with the reason when CUDA cannot run here
  $ deliberate solve game24 "4 9 10 13" --model builtin:tiny-reasoner

Without --model, ask and solve use ${DEFAULT_MODEL}.`,
    )
    .action(async (flags: ModelsFlags) => {
      const { detectDevice, resolveModelsDir } = await import("@deliberate/llama");
      const { listModels } = await import("../model/list-models.js");
      const [models, backend] = await Promise.all([listModels(), detectDevice(flags.gpu)]);
      if (flags.json) {
        process.stdout.write(`${stringifyJson({ ...backend, models })}\n`);
      } else {
        const width = Math.max(0, ...models.map((model) => model.model.length));
        for (const model of models) {
          const where = model.builtin ? "  built in" : "";
          process.stdout.write(
            `${model.model.padEnd(width)}  ${formatMegabytes(model.bytes).padStart(10)}${where}\n`,
          );
        }
        if (!models.some((model) => !model.builtin)) {
          process.stdout.write(
            `no models in ${resolveModelsDir()} yet: run deliberate pull, or use --model synthetic:tiny\n`,
          );
        }
        process.stdout.write(`${describeBackend(backend)}\n`);
      }
      done(ExitCode.answered);
    });
}

/** One line: the backend a `--gpu` choice loads, and its GPUs. */
function describeBackend(backend: DetectedDevice): string {
  const choice = backend.gpu === false ? "false" : backend.gpu;
  const gpus = backend.gpuNames.length > 0 ? ` (${backend.gpuNames.join(", ")})` : "";
  const fallback =
    backend.device === "cpu" && backend.gpu === "auto"
      ? ": node-llama-cpp found no usable GPU (CUDA, Vulkan or Metal)"
      : "";
  return `backend: ${backend.device}${gpus} with --gpu ${choice}${fallback}`;
}
