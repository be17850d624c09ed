import { extname, resolve } from "node:path";
import { loadTree } from "@deliberate/core";
import { type SearchTree, writeTextAtomic } from "@deliberate/core/tree";
import {
  renderComparisonHtml,
  renderHtml,
  renderText,
  renderTreeSvg,
  type SvgLayout,
  toDot,
  toMermaid,
  VizError,
} from "@deliberate/viz";
import { Command } from "commander";
import { createUsageError, ExitCode } from "../cli-error.js";
import { parseIntegerIn, parseOneOf } from "../options/parse-values.js";
import { findChromium, rasterizeSvg } from "../output/rasterize-svg.js";
import { describeTerminal } from "../ui/terminal.js";

const FORMATS = ["text", "html", "mermaid", "dot", "svg", "png"] as const;
type ViewFormat = (typeof FORMATS)[number];
const LAYOUTS = ["auto", "tree", "icicle"] as const;
const WEIGHTS = ["tokens", "time"] as const;

interface ViewFlags {
  readonly output?: string;
  readonly format?: ViewFormat;
  readonly layout: SvgLayout | "auto";
  readonly weight: (typeof WEIGHTS)[number];
  readonly width?: number;
  readonly differentQuestions?: boolean;
  readonly debug?: boolean;
}

const EXAMPLES = `
Examples:
  $ deliberate view tree.json                  # the tree as text
  $ deliberate view tree.json -o tree.html     # a self-contained HTML viewer
  $ deliberate view tree.json -o tree.svg      # a picture for a README or a paper
  $ deliberate view tree.json -o tree.png --layout icicle --weight time
  $ deliberate view greedy.json beam.json -o compare.html   # two searches side by side
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
  ".svg": "svg",
  ".png": "png",
};

/**
 * The format a view is written in: `--format`, else the one the output file's extension names,
 * else text on stdout. An extension that names no format `view` writes (none, `.jpg`) is a usage
 * error: writing HTML into `tree.jpg` would leave a file no reader opens.
 */
function chooseFormat(flags: ViewFlags): ViewFormat {
  if (flags.format) return flags.format;
  if (!flags.output) return "text";
  const format = EXTENSIONS[extname(flags.output).toLowerCase()];
  if (format) return format;
  throw createUsageError(
    `Expected -o to end in .html, .svg, .png, .txt, .mmd or .dot (the extension picks the format), got ${JSON.stringify(flags.output)}. Or name the format with --format ${FORMATS.join("|")}.`,
  );
}

/**
 * Checks what two trees can become before reading them: a comparison page, written to a file.
 * More than two is a usage error (compare them two at a time).
 */
function checkFiles(files: readonly string[], format: ViewFormat, flags: ViewFlags): void {
  if (files.length > 2) {
    throw createUsageError(
      `Expected one tree.json to view or two to compare side by side, got ${files.length}: ${files.map((f) => JSON.stringify(f)).join(" ")}. Compare them two at a time.`,
    );
  }
  if (files.length === 2 && (format !== "html" || !flags.output)) {
    throw createUsageError(
      `Expected -o compare.html with two trees: they are compared on one HTML page, got ${flags.output ? JSON.stringify(flags.output) : "no -o"}${flags.format ? ` and --format ${flags.format}` : ""}.`,
    );
  }
  if ((format === "svg" || format === "png") && !flags.output) {
    throw createUsageError(
      `Expected -o tree.${format} to write a picture to: ${format.toUpperCase()} is not written to the terminal.`,
    );
  }
}

/** Renders a tree in a text format; text is coloured only for a terminal that wants colour. */
function render(format: ViewFormat, tree: SearchTree, flags: ViewFlags, toTerminal: boolean) {
  if (format === "html") return renderHtml(tree);
  if (format === "mermaid") return toMermaid(tree);
  if (format === "dot") return toDot(tree);
  if (format === "svg" || format === "png") return renderTreeSvg(tree, pictureOptions(flags));
  return renderText(tree, { color: toTerminal && describeTerminal(process.stdout).color });
}

function pictureOptions(flags: ViewFlags) {
  return {
    layout: flags.layout,
    weight: flags.weight,
    ...(flags.width === undefined ? {} : { width: flags.width }),
  };
}

/** The comparison page; two different questions are a usage error unless asked for. */
function compare(trees: SearchTree[], flags: ViewFlags): string {
  try {
    return renderComparisonHtml(trees, {
      ...pictureOptions(flags),
      allowDifferentQuestions: flags.differentQuestions ?? false,
    });
  } catch (error) {
    if (error instanceof VizError && error.code === "QUESTIONS_DIFFER") {
      throw createUsageError(
        `${error.message.replace(/ or pass allowDifferentQuestions\.$/, "")} or pass --different-questions.`,
      );
    }
    throw error;
  }
}

/** `deliberate view <tree.json> [b.json] [-o file]`: renders saved trees without a model. */
export function createViewCommand(done: (code: ExitCode) => void): Command {
  return new Command("view")
    .description(
      "render a saved search tree (as text, an HTML viewer, an SVG or PNG picture), or compare two side by side",
    )
    .argument("<tree.json...>", "a tree saved with --save; two to compare them on one page")
    .option(
      "-o, --output <file>",
      "write to a file instead of stdout, in the format its extension names: .html, .svg, .png, .txt, .mmd, .dot",
    )
    .option("--format <format>", `one of ${FORMATS.join(", ")}`, parseOneOf(FORMATS))
    .option(
      "--layout <layout>",
      "pictures: tree (node-link), icicle (widths are tokens or time), or auto (icicle for wide trees)",
      parseOneOf(LAYOUTS),
      "auto",
    )
    .option(
      "--weight <weight>",
      "pictures: what a node's size or width shows, tokens or time",
      parseOneOf(WEIGHTS),
      "tokens",
    )
    .option(
      "--width <px>",
      "pictures: width in pixels (default: 960, 640 a side)",
      parseIntegerIn(320, 20_000),
    )
    .option("--different-questions", "compare two trees even when they ask different questions")
    .option("--debug", "print stack traces of errors")
    .addHelpText("after", EXAMPLES)
    .action(async (files: string[], flags: ViewFlags) => {
      const format = chooseFormat(flags);
      checkFiles(files, format, flags);
      const output = flags.output ? resolve(flags.output) : undefined;
      const chromium = format === "png" && output ? await findChromium(output) : undefined;
      const trees: SearchTree[] = [];
      for (const file of files) trees.push(await loadTree(file));
      if (!output) {
        process.stdout.write(`${render(format, trees[0] as SearchTree, flags, true)}\n`);
        return done(ExitCode.answered);
      }
      if (trees.length === 2) {
        await writeTextAtomic(output, compare(trees, flags));
        process.stderr.write(`comparison written to ${output}\n`);
        return done(ExitCode.answered);
      }
      const text = render(format, trees[0] as SearchTree, flags, false);
      if (chromium) {
        await rasterizeSvg(chromium, text, readSvgSize(text), output);
      } else {
        await writeTextAtomic(output, `${text}\n`);
      }
      process.stderr.write(`${format} written to ${output}\n`);
      done(ExitCode.answered);
    });
}

/** The pixel size `renderTreeSvg` wrote on its root element. */
function readSvgSize(svg: string): { width: number; height: number } {
  const match = /^<svg [^>]*?width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 960), height: Number(match?.[2] ?? 600) };
}
