import { Command } from "commander";
import type { ExitCode } from "../cli-error.js";
import { isBuiltinModel } from "../model/builtin-prefix.js";
import { buildStrategy } from "../options/build-think-options.js";
import { addGuardFlags, checkGuardFlags, type GuardFlags } from "../options/guard-flags.js";
import { addManyFlags, checkManyFlags, type ManyFlags } from "../options/many-flags.js";
import { parseOneOf } from "../options/parse-values.js";
import { addThinkFlags, type ThinkFlags } from "../options/think-flags.js";
import { pickTaskFlags, TASKS, type TaskFlags } from "../tasks/task-catalog.js";

const EXAMPLES = `
Tasks:
${TASKS.map((task) => `  ${task.name.padEnd(13)}${task.summary}\n  ${"".padEnd(13)}e.g. deliberate solve ${task.name} ${task.example}`).join("\n")}

Examples:
  $ deliberate solve game24 "4 9 10 13" --model ./qwen2.5-0.5b-instruct-q4_k_m.gguf
  $ deliberate solve game24 "4 9 10 13" --model synthetic:tiny --profile compact --evaluator verifier --prune-dead-ends
  $ deliberate solve game24 "1 1 4 6" --model builtin:tiny-reasoner      # offline, compact prompts
  $ deliberate solve sudoku "1... ..2. .3.. ...4" --strategy dfs --json
  $ deliberate solve game24 --file puzzles.txt --think 10s --max-think 1m   # one pool for the file`;

type SolveFlags = ThinkFlags & TaskFlags & ManyFlags & GuardFlags;

/**
 * `deliberate solve <task> "<input>"`: searches a structured task with an exact verifier; the
 * answer is checked, and `--json` says whether it verified. With `--file`, every line of a file is
 * an input, and all of them share one think-time pool.
 */
export function createSolveCommand(done: (code: ExitCode) => void): Command {
  const command = new Command("solve")
    .description("solve a structured task whose answers are checked exactly")
    .argument("<task>", `the task: ${TASKS.map((task) => task.name).join(", ")}`)
    .argument("[input]", "the puzzle or problem, in quotes (or --file)")
    .option(
      "--profile <name>",
      "game24 prompts: paper (few-shot, for instruct models) or compact (one line a step)",
      parseOneOf(["paper", "compact"] as const),
    )
    .option(
      "--prune-dead-ends",
      "game24, sudoku, with --evaluator verifier: score states by an exact solver (a state that cannot be finished scores 0 and is pruned); an oracle, not a fair benchmark",
    )
    .option("--answer <number>", "word-problem: the known answer, so the result can be verified");
  addThinkFlags(command);
  addManyFlags(command);
  addGuardFlags(command);
  return command
    .addHelpText("after", EXAMPLES)
    .action(async (name: string, input: string | undefined, flags: SolveFlags) => {
      // Flag combinations are checked before the engine and the tasks load: the answer is instant.
      checkManyFlags(flags, input);
      checkGuardFlags(flags);
      buildStrategy(flags);
      const { createTask } = await import("../tasks/create-task.js");
      // Built-in models are trained on one line a step: the paper's few-shot prompt overflows them.
      const compact = name === "game24" && !flags.profile && isBuiltinModel(flags.model);
      const taskFlags = pickTaskFlags(compact ? { ...flags, profile: "compact" } : flags);
      if (input === undefined) {
        const { solveFile } = await import("../run/solve-file.js");
        done(await solveFile(name, flags, (text) => createTask(name, text, taskFlags)));
        return;
      }
      const { runSearch } = await import("../run/run-search.js");
      const task = createTask(name, input, taskFlags);
      // A task without a value prompt is scored by its own verifier unless told otherwise.
      const evaluator = flags.evaluator ?? (task.valuePrompt ? "value" : "verifier");
      const search = {
        input: task,
        flags: { ...flags, evaluator: undefined },
        defaults: { evaluator },
        origin: { kind: "task" as const, task: name, input, taskFlags },
        guards: flags,
      };
      done(await runSearch(search));
    });
}
