import {
  buildEvaluationOptions,
  checkEvaluationOptions,
  createProgressBar,
  EvaluationError,
  formatEvaluationTable,
  runEvaluation,
  writeEvaluationFiles,
} from "@deliberate/eval";
import type { LlamaModel } from "@deliberate/llama";
import { ExitCode } from "../cli-error.js";
import type { BenchFlags } from "../commands/bench.js";
import { openAnyModel } from "../model/open-any-model.js";
import type { RemoteModel } from "../model/open-remote-model.js";
import { pickModelOptions } from "../options/model-flags.js";
import { stringifyJson } from "../output/result-json.js";
import { describeTerminal } from "../ui/terminal.js";
import { findSignalExitCode, watchStopSignals } from "./stop-signals.js";

/**
 * Runs the evaluation harness the way the CLI does: checks every flag before the model loads,
 * shows the harness's progress bar with ETA on stderr, writes the report files, then prints the
 * table (or the report as JSON). Ctrl-C or SIGTERM cancels the run; nothing is written then.
 * Returns the exit code.
 */
export async function runBench(flags: BenchFlags): Promise<ExitCode> {
  const options = buildEvaluationOptions({
    model: flags.model,
    cases: flags.cases,
    methods: flags.methods ?? "",
    budgets: flags.budgets,
    budget: flags.budget ?? "",
    seed: flags.seed,
    profile: flags.profile ?? "",
    puzzles: flags.puzzles,
    branching: flags.branching,
    samples: flags.samples,
    temperature: flags.temperature,
    "max-nodes": flags.maxNodes,
    concurrency: flags.concurrency,
  });
  checkEvaluationOptions(options);
  const notify = (line: string) => process.stderr.write(`${line}\n`);
  const stop = watchStopSignals(notify, "stopping the evaluation, nothing is written");
  const bar = createProgressBar(process.stderr);
  let model: LlamaModel | RemoteModel | undefined;
  try {
    model = await openAnyModel(flags.model, {
      ...pickModelOptions(flags),
      terminal: describeTerminal(),
      signal: stop.signal,
      notify,
    });
    const report = await runEvaluation(
      { ...options, model },
      { onProgress: (progress) => bar.update(progress), signal: stop.signal },
    );
    bar.stop();
    const files = await writeEvaluationFiles(report, flags.out);
    process.stdout.write(
      flags.json ? `${stringifyJson(report)}\n` : `${formatEvaluationTable(report)}\n`,
    );
    notify(`wrote ${files.json}, ${files.svg} and ${files.text}`);
    return ExitCode.answered;
  } catch (error) {
    const received = stop.received();
    // A load or a run cut short by a signal is a stop, not an error.
    if (received && (model === undefined || isAborted(error))) return findSignalExitCode(received);
    throw error;
  } finally {
    bar.stop();
    stop.dispose();
    await model?.dispose();
  }
}

function isAborted(error: unknown): boolean {
  return error instanceof EvaluationError && error.code === "ABORTED";
}
