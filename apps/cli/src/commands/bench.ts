import { Command, Option } from "commander";
import { createUsageError, type ExitCode } from "../cli-error.js";
import { DEFAULT_MODEL } from "../model/default-model.js";
import { addModelFlags, type ModelFlags } from "../options/model-flags.js";

/** The tasks the evaluation harness has cases for. */
const BENCH_TASKS = ["game24"] as const;

/** The flags of `deliberate bench`, as commander hands them over: the harness's as text. */
export interface BenchFlags extends ModelFlags {
  readonly model: string;
  readonly cases: string;
  readonly methods?: string;
  readonly budgets: string;
  readonly budget?: string;
  readonly seed: string;
  readonly out: string;
  readonly profile?: string;
  readonly puzzles: string;
  readonly branching: string;
  readonly samples: string;
  readonly temperature: string;
  readonly maxNodes: string;
  readonly concurrency: string;
  readonly json?: boolean;
  readonly debug?: boolean;
}

const EXAMPLES = `
Methods: io, cot, cot-greedy, cot-sc, tot-b1, tot-b5, dfs, mcts, best-of-n (default: the ToT
paper's table: io, cot, cot-sc, tot-b1, tot-b5, and more).

Examples:
  $ deliberate bench --model synthetic:tiny --cases 2 --methods io,tot-b1 --budgets 1s
  $ deliberate bench game24 --model builtin:tiny-reasoner --budgets 1s,2s,5s --out bench-results/tiny
  $ deliberate bench --model ./qwen2.5-0.5b-instruct-q4_k_m.gguf --cases 20 --budget 1m --json > report.json

Writes evaluation.json, accuracy-vs-think-time.svg and evaluation.txt into --out.`;

/**
 * A flag whose default is handed over as text, as the harness parses it, but shown as the user
 * would type it: `(default: 3)`, not commander's `(default: "3")`.
 */
function textDefault(flags: string, description: string, value: string): Option {
  return new Option(flags, description).default(value, value);
}

/**
 * `deliberate bench [task]`: runs the evaluation harness of `@deliberate/eval` on one model:
 * single-pass baselines against tree search, the ToT paper's table, and success against think
 * time drawn as an SVG next to the JSON report.
 */
export function createBenchCommand(done: (code: ExitCode) => void): Command {
  const command = new Command("bench")
    .description(
      "evaluate methods on one model: the ToT paper's table and accuracy against think time",
    )
    .argument("[task]", `the task: ${BENCH_TASKS.join(", ")}`, "game24")
    .option(
      "-m, --model <model>",
      "GGUF file, hf: URI, https URL, synthetic:<name> or builtin:<name>",
      DEFAULT_MODEL,
    );
  return addModelFlags(command)
    .addOption(textDefault("--cases <n>", "Game-of-24 puzzles", "3"))
    .option("--methods <list>", "comma-separated methods (default: the paper's table)")
    .addOption(textDefault("--budgets <list>", "think times of the accuracy curve", "1s,2s,5s"))
    .option("--budget <duration>", "think time of the table (default: the largest of --budgets)")
    .addOption(textDefault("--seed <n>", "base seed of the cases", "0"))
    .option(
      "--out <dir>",
      "where the report, the chart and the table are written",
      "bench-results/eval",
    )
    .option(
      "--profile <name>",
      "game24 prompts: paper or compact (default: compact for synthetic: and builtin: models)",
    )
    .addOption(textDefault("--puzzles <source>", "tot (the ToT test set) or random", "tot"))
    .addOption(textDefault("--branching <n>", "searches: thoughts per expansion", "8"))
    .addOption(textDefault("--samples <n>", "cot-sc: samples", "10"))
    .addOption(textDefault("--temperature <x>", "sampling temperature, 0 to 2", "0.7"))
    .addOption(textDefault("--max-nodes <n>", "most nodes one search may grow", "2000"))
    .addOption(textDefault("--concurrency <n>", "model calls in flight at once", "4"))
    .option("--json", "print the report as one JSON object on stdout instead of the table")
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (task: string, flags: BenchFlags) => {
      if (!(BENCH_TASKS as readonly string[]).includes(task)) {
        throw createUsageError(
          `Expected a task the harness has cases for (${BENCH_TASKS.join(", ")}), got "${task}".`,
        );
      }
      const { runBench } = await import("../run/run-bench.js");
      done(await runBench(flags));
    });
}
