import { Command } from "commander";
import type { ExitCode } from "../cli-error.js";
import { parseIntegerIn, parseThinkTime } from "../options/parse-values.js";
import type { ThinkFlags } from "../options/think-flags.js";

/** The puzzle the demo solves unless `--puzzle` names another. */
export const DEMO_PUZZLE = "1 1 4 6";

interface DemoFlags {
  readonly puzzle: string;
  readonly think: number;
  readonly seed: number;
  readonly threads: number;
  readonly html: string;
  readonly save?: string;
  readonly json?: boolean;
  readonly live?: boolean;
  readonly verbose?: boolean;
  readonly debug?: boolean;
}

const NOTES = [
  "demo: Game of 24, beam search (width 5, 8 thoughts a state), states scored by the task's exact feasibility check (a solver).",
  "demo: the random model only picks among the legal moves its grammar allows: the search, not the model, finds the answer.",
];

const EXAMPLES = `
Examples:
  $ npm run demo
  $ deliberate demo --puzzle "3 3 8 8" --live
  $ deliberate solve game24 "4 9 10 13" --model ./qwen2.5-0.5b-instruct-q4_k_m.gguf   # the same with a real model`;

/**
 * `deliberate demo`: solves one Game-of-24 puzzle on `synthetic:tiny` with no download and no
 * network, shows the live status line, prints the verified answer and writes `demo-tree.html`.
 */
export function createDemoCommand(done: (code: ExitCode) => void): Command {
  return new Command("demo")
    .description("solve a Game-of-24 puzzle offline on synthetic:tiny and write demo-tree.html")
    .option("--puzzle <numbers>", "the four numbers", DEMO_PUZZLE)
    .option("-t, --think <duration>", "think-time budget", parseThinkTime, 30_000)
    .option("--seed <n>", "seed of the search", parseIntegerIn(0, 2 ** 31 - 1), 1)
    .option("--threads <n>", "CPU threads per decode", parseIntegerIn(1, 256), 1)
    .option("--html <tree.html>", "where the viewer is written", "demo-tree.html")
    .option("--save <tree.json>", "also save the tree as JSON")
    .option("--json", "print one JSON object on stdout instead of text")
    .option("--live", "serve the live viewer on 127.0.0.1 and print its URL")
    .option("--verbose", "print the whole tree as text after the answer")
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (demo: DemoFlags) => {
      const { createTask } = await import("../tasks/create-task.js");
      const { runSearch } = await import("../run/run-search.js");
      // With dead ends pruned, the task's verifier is an exact feasibility check (a solver).
      const task = createTask("game24", demo.puzzle, { profile: "compact", pruneDeadEnds: true });
      const flags: ThinkFlags = {
        ...demo,
        model: "synthetic:tiny",
        strategy: "beam",
        width: 5,
        branching: 8,
      };
      const defaults = { evaluator: "verifier" as const, temperature: 1 };
      done(await runSearch({ input: task, flags, defaults, notes: NOTES }));
    });
}
