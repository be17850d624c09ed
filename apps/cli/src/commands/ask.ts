import { Command } from "commander";
import type { ExitCode } from "../cli-error.js";
import { checkBuiltinKnowsTask } from "../model/builtin-tasks.js";
import { buildStrategy } from "../options/build-think-options.js";
import { addGuardFlags, checkGuardFlags, type GuardFlags } from "../options/guard-flags.js";
import { addThinkFlags, type ThinkFlags } from "../options/think-flags.js";
import { readQuestion } from "../run/read-question.js";
import { parseToolNames, TOOL_NAMES, type ToolName } from "../tools/thought-tools.js";

const EXAMPLES = `
Examples:
  $ deliberate ask "How many primes are there below 30?"
  $ deliberate ask "Plan a 3-day trip to Lisbon" --model ./qwen2.5-0.5b-instruct-q4_k_m.gguf --think 2m
  $ deliberate ask "What is 17 * 24?" --strategy dfs --threshold 0.4 --json
  $ deliberate ask "Is 91 prime?" --model synthetic:tiny --think 5s --save tree.json --html tree.html
  $ deliberate ask "What is 17% of 2400?" --tools calculator,javascript
  $ deliberate ask --file question.txt --context 8192   # a question too long for the command line
  $ cat question.txt | deliberate ask -`;

type AskFlags = ThinkFlags & GuardFlags & { tools?: ToolName[]; file?: string };

/**
 * `deliberate ask "<question>"` (or `--file <path>`, or `-` for stdin): thinks about a free-form
 * question within a budget.
 */
export function createAskCommand(done: (code: ExitCode) => void): Command {
  const command = new Command("ask")
    .description("think about a question: search a tree of reasoning steps within the budget")
    .argument("[question]", "the question, in quotes; - reads it from stdin")
    .option("--file <path>", "read the question from a file (- for stdin)");
  command.option(
    "--tools <names>",
    `tools a thought may call, comma-separated: ${TOOL_NAMES.join(", ")}`,
    parseToolNames,
  );
  addThinkFlags(command);
  addGuardFlags(command);
  return command
    .addHelpText("after", EXAMPLES)
    .action(async (argument: string | undefined, flags: AskFlags) => {
      // The engine and the model runtime load only when a search runs, after the flags are checked.
      buildStrategy(flags);
      checkGuardFlags(flags);
      checkBuiltinKnowsTask(flags.model, "question");
      const question = await readQuestion({ argument, file: flags.file });
      const { runSearch } = await import("../run/run-search.js");
      if (!flags.tools) {
        const origin = { kind: "question" as const, question };
        done(await runSearch({ input: question, flags, origin, guards: flags }));
        return;
      }
      const [{ createQuestionTask }, { createThoughtTools }] = await Promise.all([
        import("@deliberate/core"),
        import("../tools/thought-tools.js"),
      ]);
      const tools = await createThoughtTools(flags.tools);
      // No origin: a checkpoint cannot name tools yet, so `resume` would go on without them.
      done(
        await runSearch({ input: createQuestionTask(question, { tools }), flags, guards: flags }),
      );
    });
}
