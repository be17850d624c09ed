import { resolve } from "node:path";
import { loadTree } from "@deliberate/core";
import { writeTextAtomic } from "@deliberate/core/tree";
import { renderHtml, renderText, toDot, toMermaid } from "@deliberate/viz";
import { Command } from "commander";
import { ExitCode } from "../cli-error.js";
import { parseOneOf } from "../options/parse-values.js";
import { describeTerminal } from "../ui/terminal.js";

const FORMATS = ["text", "html", "mermaid", "dot"] as const;
type ViewFormat = (typeof FORMATS)[number];

interface ViewFlags {
  readonly output?: string;
  readonly format?: ViewFormat;
  readonly debug?: boolean;
}

const EXAMPLES = `
Examples:
  $ deliberate view tree.json                  # the tree as text
  $ deliberate view tree.json -o tree.html     # a self-contained HTML viewer
  $ deliberate view tree.json --format mermaid > tree.mmd`;

/** The format a view is written in: `--format`, else by the output file's extension, else text. */
function chooseFormat(flags: ViewFlags): ViewFormat {
  if (flags.format) return flags.format;
  if (!flags.output) return "text";
  if (/\.mmd$/i.test(flags.output)) return "mermaid";
  if (/\.(dot|gv)$/i.test(flags.output)) return "dot";
  if (/\.txt$/i.test(flags.output)) return "text";
  return "html";
}

/** Renders a tree in a format; text is coloured only for a terminal that wants colour. */
function render(
  format: ViewFormat,
  tree: Awaited<ReturnType<typeof loadTree>>,
  toTerminal: boolean,
) {
  if (format === "html") return renderHtml(tree);
  if (format === "mermaid") return toMermaid(tree);
  if (format === "dot") return toDot(tree);
  return renderText(tree, { color: toTerminal && describeTerminal(process.stdout).color });
}

/** `deliberate view <tree.json> [-o tree.html]`: renders a saved tree without a model. */
export function createViewCommand(done: (code: ExitCode) => void): Command {
  return new Command("view")
    .description("render a saved search tree: as text, or as an HTML viewer with -o")
    .argument("<tree.json>", "a tree saved with --save")
    .option(
      "-o, --output <file>",
      "write to a file (tree.html, tree.mmd, tree.dot) instead of stdout",
    )
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, parseOneOf(FORMATS))
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, flags: ViewFlags) => {
      const tree = await loadTree(file);
      const format = chooseFormat(flags);
      if (flags.output) {
        const path = resolve(flags.output);
        await writeTextAtomic(path, `${render(format, tree, false)}\n`);
        process.stderr.write(`${format} written to ${path}\n`);
      } else {
        process.stdout.write(`${render(format, tree, true)}\n`);
      }
      done(ExitCode.answered);
    });
}
