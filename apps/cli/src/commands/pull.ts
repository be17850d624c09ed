import { Command } from "commander";
import { ExitCode } from "../cli-error.js";
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
