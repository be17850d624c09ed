import { Command } from "commander";
import { ExitCode } from "../cli-error.js";
import { DEFAULT_MODEL } from "../model/default-model.js";
import { stringifyJson } from "../output/result-json.js";

interface ModelsFlags {
  readonly json?: boolean;
  readonly debug?: boolean;
}

const formatMegabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * `deliberate models`: lists the built-in models and the models in the cache, with what to pass
 * as `--model`.
 */
export function createModelsCommand(done: (code: ExitCode) => void): Command {
  return new Command("models")
    .description("list the built-in models and the models in the cache")
    .option("--json", "print the list as one JSON array")
    .option("--debug", "print stack traces of errors")
    .addHelpText(
      "after",
      `
Examples:
  $ deliberate models
  $ deliberate models --json
  $ deliberate solve game24 "4 9 10 13" --model builtin:tiny-reasoner

Without --model, ask and solve use ${DEFAULT_MODEL}.`,
    )
    .action(async (flags: ModelsFlags) => {
      const { resolveModelsDir } = await import("@deliberate/llama");
      const { listModels } = await import("../model/list-models.js");
      const models = await listModels();
      if (flags.json) {
        process.stdout.write(`${stringifyJson(models)}\n`);
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
      }
      done(ExitCode.answered);
    });
}
