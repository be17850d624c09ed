import type { Command } from "commander";
import { createUsageError } from "../cli-error.js";
import { parseThinkTime } from "./parse-values.js";
import type { ThinkFlags } from "./think-flags.js";

/** The flags of `solve --file`: many inputs sharing one think-time pool. */
export interface ManyFlags {
  /** A file of inputs, one a line; `-` for stdin. */
  readonly file?: string;
  /** Think time for all the inputs together, in milliseconds. */
  readonly total?: number;
  /** Think time each input gets at least, in milliseconds. */
  readonly minThink?: number;
  /** Think time one input may take at most, in milliseconds. */
  readonly maxThink?: number;
}

/** Flags that make sense for one search only. */
const SINGLE_ONLY = {
  save: "--save",
  html: "--html",
  live: "--live",
  verbose: "--verbose",
  checkpointEvery: "--checkpoint-every",
} as const;

/** Adds `--file`, `--total`, `--min-think` and `--max-think` to `command`. */
export function addManyFlags(command: Command): Command {
  return command
    .option("--file <path>", "solve every input of a file (one a line, # comments; - for stdin)")
    .option(
      "--total <duration>",
      "with --file: think time for all inputs together (default: --think × inputs)",
      parseThinkTime,
    )
    .option(
      "--min-think <duration>",
      "with --file: think time each input gets at least",
      parseThinkTime,
    )
    .option(
      "--max-think <duration>",
      "with --file: think time one input may take at most",
      parseThinkTime,
    );
}

/**
 * Checks that the many-input flags come with `--file` and that `--file` comes without the flags
 * of a single search. Each mistake is a usage error.
 */
export function checkManyFlags(flags: ThinkFlags & ManyFlags, input: string | undefined): void {
  const many = { total: "--total", minThink: "--min-think", maxThink: "--max-think" } as const;
  if (flags.file === undefined) {
    if (input === undefined) {
      throw createUsageError(
        "missing required argument 'input' (or --file <path>, one input a line)",
      );
    }
    for (const [key, name] of Object.entries(many)) {
      if (flags[key as keyof typeof many] !== undefined) {
        throw createUsageError(`${name} goes with --file <path>, not with one input.`);
      }
    }
    return;
  }
  if (input !== undefined) {
    throw createUsageError(`Give one input or --file ${flags.file}, not both (got "${input}").`);
  }
  for (const [key, name] of Object.entries(SINGLE_ONLY)) {
    if (flags[key as keyof typeof SINGLE_ONLY] !== undefined) {
      throw createUsageError(`${name} works with one input, not with --file.`);
    }
  }
}
