/**
 * `npm run bench -- eval [--model synthetic:tiny] [--cases 3] [--methods io,cot,tot-b5,best-of-n]
 * [--budgets 1s,2s,5s] [--budget 5s] [--seed 0] [--concurrency 4] [--out bench-results/eval]
 * [--json]`: System 1 against System 2 on one model: the ToT paper's table with GPT-4's figures
 * beside it, best-of-N with an exact checker at each search's generated tokens, and success
 * against think time drawn as an SVG next to the JSON results. `deliberate bench` runs the same.
 */
import {
  buildEvaluationOptions,
  checkEvaluationOptions,
  createProgressBar,
  EVALUATION_FLAG_DEFAULTS,
  formatEvaluationTable,
  readNumberFlag,
  runEvaluation,
  writeEvaluationFiles,
} from "@deliberate/eval";
import { loadModel } from "@deliberate/llama";
import { resolveBuiltinModel } from "@deliberate/tiny-reasoner";
import { parseBenchArgs } from "../bench-output.js";

export async function run(args: readonly string[]): Promise<void> {
  const flags = parseBenchArgs(args, { ...EVALUATION_FLAG_DEFAULTS });
  const options = buildEvaluationOptions(flags);
  checkEvaluationOptions(options);
  const model = await loadModel({
    model: resolveBuiltinModel(flags.model) ?? flags.model,
    threads: readNumberFlag("threads", flags.threads),
  });
  const bar = createProgressBar(process.stderr);
  const stop = new AbortController();
  const cancel = () => stop.abort(new Error("interrupted"));
  process.once("SIGINT", cancel);
  try {
    const report = await runEvaluation(
      { ...options, model },
      { onProgress: (progress) => bar.update(progress), signal: stop.signal },
    );
    bar.stop();
    const files = await writeEvaluationFiles(report, flags.out);
    if (flags.json) console.log(JSON.stringify(report, null, 2));
    else console.log(formatEvaluationTable(report));
    console.error(`Wrote ${files.json}, ${files.svg} and ${files.text}.`);
  } finally {
    bar.stop();
    process.off("SIGINT", cancel);
    await model.dispose();
  }
}
