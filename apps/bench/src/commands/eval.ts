/**
 * `npm run bench -- eval [--model synthetic:tiny] [--cases 3] [--methods io,cot,tot-b5,best-of-n]
 * [--budgets 1s,2s,5s] [--budget 5s] [--seed 0] [--concurrency 4] [--out bench-results/eval]
 * [--json]`: System 1 against System 2 on one model: the ToT paper's table with GPT-4's figures
 * beside it, best-of-N with an exact checker at each search's generated tokens, and success
 * against think time drawn as an SVG next to the JSON results.
 */
import {
  checkEvaluationOptions,
  createProgressBar,
  type EvaluationOptions,
  formatEvaluationTable,
  parseMethodList,
  runEvaluation,
  writeEvaluationFiles,
} from "@deliberate/eval";
import { loadModel } from "@deliberate/llama";
import { parseBenchArgs } from "../bench-output.js";

const DEFAULTS = {
  model: "synthetic:tiny",
  cases: "3",
  methods: "",
  budgets: "1s,2s,5s",
  budget: "",
  seed: "0",
  out: "bench-results/eval",
  profile: "",
  puzzles: "tot",
  branching: "8",
  samples: "10",
  temperature: "0.7",
  "max-nodes": "2000",
  concurrency: "4",
  threads: "1",
};

function readNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) {
    throw new Error(`Expected --${flag} to be a number, got ${JSON.stringify(text)}.`);
  }
  return value;
}

function readOneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new Error(
      `Expected --${flag} to be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}.`,
    );
  }
  return text as T;
}

type Flags = ReturnType<typeof parseBenchArgs<typeof DEFAULTS>>;

function buildOptions(flags: Flags): Omit<EvaluationOptions, "model"> {
  return {
    modelSource: flags.model,
    cases: readNumber("cases", flags.cases),
    caseSource: readOneOf("puzzles", flags.puzzles, ["tot", "random"] as const),
    ...(flags.profile
      ? { profile: readOneOf("profile", flags.profile, ["paper", "compact"] as const) }
      : {}),
    ...(flags.methods ? { methods: parseMethodList(flags.methods) } : {}),
    budgets: flags.budgets
      .split(",")
      .map((budget) => budget.trim())
      .filter((budget) => budget !== ""),
    ...(flags.budget ? { budget: flags.budget } : {}),
    seed: readNumber("seed", flags.seed),
    branching: readNumber("branching", flags.branching),
    samples: readNumber("samples", flags.samples),
    temperature: readNumber("temperature", flags.temperature),
    maxNodes: readNumber("max-nodes", flags["max-nodes"]),
    concurrency: readNumber("concurrency", flags.concurrency),
  };
}

export async function run(args: readonly string[]): Promise<void> {
  const flags = parseBenchArgs(args, DEFAULTS);
  const options = buildOptions(flags);
  checkEvaluationOptions(options);
  const model = await loadModel({
    model: flags.model,
    threads: readNumber("threads", flags.threads),
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
