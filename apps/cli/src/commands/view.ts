import { extname, resolve } from "node:path";
import { loadTree } from "@deliberate/core";
import { writeTextAtomic } from "@deliberate/core/tree";
import { renderHtml, renderText, toDot, toMermaid } from "@deliberate/viz";
import { Command } from "commander";
import { createUsageError, ExitCode } from "../cli-error.js";
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

/** The format each output extension names. */
const EXTENSIONS: Readonly<Record<string, ViewFormat>> = {
  ".html": "html",
  ".htm": "html",
  ".txt": "text",
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
  ".dot": "dot",
  ".gv": "dot",
};

/**
 * The format a view is written in: `--format`, else the one the output file's extension names,
 * else text on stdout. An extension that names no format `view` writes (`.svg`, `.png`, none) is
 * a usage error: writing HTML into `tree.svg` would leave a file no SVG reader opens.
 */
function chooseFormat(flags: ViewFlags): ViewFormat {
  if (flags.format) return flags.format;
  if (!flags.output) return "text";
  const extension = extname(flags.output).toLowerCase();
  const format = EXTENSIONS[extension];
  if (format) return format;
  const svg =
    extension === ".svg"
      ? " view does not draw SVG: write Graphviz with -o tree.dot and run dot -Tsvg tree.dot -o tree.svg."
      : "";
  throw createUsageError(
    `Expected -o to end in .html, .txt, .mmd or .dot (the extension picks the format), got ${JSON.stringify(flags.output)}.${svg} Or name the format with --format ${FORMATS.join("|")}.`,
  );
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
      "write to a file instead of stdout, in the format its extension names: .html, .txt, .mmd, .dot",
    )
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, parseOneOf(FORMATS))
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string, flags: ViewFlags) => {
      const format = chooseFormat(flags);
      const tree = await loadTree(file);
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
