/**
 * `npm run bench -- anytime [--model builtin:tiny-reasoner] [--methods default,beam:5:8,...]
 * [--budgets 1s,4s,16s,64s] [--seeds 1,2,3] [--set test|tune] [--first N] [--count N]
 * [--set-seed 7] [--out bench-results/anytime] [--threads 1] [--reference default] [--shared]
 * [--resume] [--report-only [--in a.jsonl,b.jsonl]] [--json]`: success against think time,
 * methods × budgets × seeds on Game-of-24 puzzles with one loaded model; raw rows in
 * `runs.jsonl`, then `summary.md`, `summary.json` and `accuracy.svg` (docs/benchmarks.md,
 * "Think time that turns into accuracy").
 */
import { ANYTIME_USAGE, parseAnytimeFlags } from "../anytime/anytime-flags.js";
import { runAnytime } from "../anytime/run-anytime.js";
import { AnytimeUsageError } from "../anytime/usage-error.js";

/** Runs the benchmark; usage errors carry exit status 2. */
export async function run(args: readonly string[]): Promise<void> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(ANYTIME_USAGE);
    return;
  }
  let flags: ReturnType<typeof parseAnytimeFlags>;
  try {
    flags = parseAnytimeFlags(args);
  } catch (error) {
    if (error instanceof AnytimeUsageError) error.message = `${error.message}\n${ANYTIME_USAGE}`;
    throw error;
  }
  const stop = new AbortController();
  const cancel = () => {
    console.error("Stopping: the puzzle in progress is dropped, the rows written are kept.");
    stop.abort(new Error("interrupted"));
  };
  process.once("SIGINT", cancel);
  try {
    const report = await runAnytime(flags, {
      signal: stop.signal,
      log: (line) => console.error(line),
    });
    if (flags.json) console.log(JSON.stringify(report.rows, null, 2));
    else console.log(report.markdown);
    if (report.duplicates > 0)
      console.error(`Left out ${report.duplicates} repeated rows (the first of each counts).`);
    console.error(`Wrote ${report.files.markdown}, ${report.files.json} and ${report.files.svg}.`);
  } finally {
    process.off("SIGINT", cancel);
  }
}
