import { Command } from "commander";
import type { ExitCode } from "../cli-error.js";
import { addModelFlags, type ModelFlags } from "../options/model-flags.js";

/** The flags of `deliberate resume`: the output's own, and what may differ from the first run. */
export interface ResumeFlags extends ModelFlags {
  /** Another model than the one the search started with. */
  readonly model?: string;
  /** Where the final tree goes. @default the file resumed */
  readonly save?: string;
  readonly json?: boolean;
  readonly html?: string;
  readonly live?: boolean;
  readonly verbose?: boolean;
  readonly debug?: boolean;
}

const EXAMPLES = `
Examples:
  $ deliberate solve game24 "4 9 10 13" --save tree.json     # killed mid-search...
  $ deliberate resume tree.json                              # ...goes on from its last checkpoint
  $ deliberate resume tree.json --model ./other.gguf --json`;

/**
 * `deliberate resume <tree.json>`: goes on with a search that `--save` kept a checkpoint of and
 * that was stopped or killed before it finished; prints the answer like `ask` and `solve`.
 */
export function createResumeCommand(done: (code: ExitCode) => void): Command {
  const command = new Command("resume")
    .description("go on with a search saved with --save that was stopped or killed mid-search")
    .argument("<tree.json>", "the tree file given to --save")
    .option("-m, --model <model>", "another model than the one the search started with");
  // --gpu, --gpu-layers and --threads given here replace those the search started with.
  return addModelFlags(command)
    .option("--save <tree.json>", "where the final tree goes (default: the file resumed)")
    .option("--json", "print one JSON object on stdout instead of text")
    .option("--html <tree.html>", "write the tree as a self-contained HTML viewer")
    .option("--live", "serve the live viewer on 127.0.0.1 and print its URL")
    .option("--verbose", "print the whole tree as text after the answer")
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, flags: ResumeFlags) => {
      const { resumeSearch } = await import("../run/resume-search.js");
      done(await resumeSearch(file, flags));
    });
}
