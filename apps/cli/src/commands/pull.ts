import { Command } from "commander";
import { CliError, ExitCode } from "../cli-error.js";
import { BUILTIN_PREFIX, isBuiltinModel } from "../model/builtin-prefix.js";
import { DEFAULT_MODEL } from "../model/default-model.js";
import { stringifyJson } from "../output/result-json.js";
import { watchStopSignals } from "../run/stop-signals.js";
import { createDownloadBar } from "../ui/download-bar.js";
import { describeTerminal } from "../ui/terminal.js";

interface PullFlags {
  readonly json?: boolean;
  readonly debug?: boolean;
}

const EXAMPLES = `
Examples:
  $ deliberate pull                    # the default model, ${DEFAULT_MODEL}
  $ deliberate pull hf:bartowski/SmolLM2-360M-Instruct-GGUF:Q4_K_M
  $ deliberate pull synthetic:tiny     # written locally, no network

Models go to $DELIBERATE_CACHE/models (default ~/.cache/deliberate/models).`;

const formatMegabytes = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** `deliberate pull [model]`: downloads a model into the cache with a progress bar and checks it. */
export function createPullCommand(done: (code: ExitCode) => void): Command {
  return new Command("pull")
    .description("download a model into the cache (with progress) and check that it loads")
    .argument("[model]", "an hf: URI, an https URL or synthetic:<name>", DEFAULT_MODEL)
    .option("--json", "print what was pulled as one JSON object")
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (model: string, flags: PullFlags) => {
      if (isBuiltinModel(model)) {
        done(await reportBuiltin(model, flags));
        return;
      }
      const { pullModel } = await import("@deliberate/llama");
      const stop = watchStopSignals((line) => process.stderr.write(`${line}\n`));
      const bar = createDownloadBar(`downloading ${model}`, describeTerminal());
      try {
        const pulled = await pullModel(model, {
          onProgress: (progress) => bar.update(progress),
          signal: stop.signal,
        });
        bar.stop();
        const { info } = pulled;
        if (flags.json) {
          process.stdout.write(
            `${stringifyJson({ model, path: pulled.path, kind: pulled.kind, synthetic: pulled.synthetic, bytes: info.bytes, architecture: info.architecture, parameters: info.parameters, chat: info.chatTemplate !== undefined })}\n`,
          );
        } else {
          process.stdout.write(
            `${pulled.path}\n${info.architecture}, ${(info.parameters / 1e6).toFixed(2)}M parameters, ${formatMegabytes(info.bytes)}, ${info.chatTemplate ? "chat template" : "no chat template"}\n`,
          );
        }
        done(ExitCode.answered);
      } finally {
        bar.stop();
        stop.dispose();
      }
    });
}

/**
 * A built-in model ships with deliberate: there is nothing to pull. Says so (exit 0) and where
 * its file is; an unknown built-in name is a usage error that lists the built-in models.
 */
async function reportBuiltin(model: string, flags: PullFlags): Promise<ExitCode> {
  await import("@deliberate/tiny-reasoner"); // registers the built-in models the CLI ships
  const { listBuiltinModels } = await import("@deliberate/llama");
  const bare = model.trim().slice(BUILTIN_PREFIX.length);
  const builtin = listBuiltinModels().find((entry) => entry.name === bare);
  if (builtin === undefined) {
    const names = listBuiltinModels().map((entry) => `builtin:${entry.name}`);
    throw new CliError(
      `Expected a built-in model (${names.join(", ")}), got ${JSON.stringify(model)}. Built-in models ship with deliberate and need no pull; to pull another model pass an hf: URI or an https URL.`,
      ExitCode.usage,
    );
  }
  const name = `builtin:${builtin.name}`;
  if (flags.json) {
    process.stdout.write(
      `${stringifyJson({ model: name, path: builtin.path, kind: "builtin", builtin: true, pulled: false })}\n`,
    );
  } else {
    process.stdout.write(
      `${name} is built in: it ships with deliberate (${builtin.path}) and needs no pull. Use it with --model ${name}.\n`,
    );
  }
  return ExitCode.answered;
}
