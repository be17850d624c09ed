import { type Command, InvalidArgumentError } from "commander";
import { createUsageError } from "../cli-error.js";
import { parseIntegerIn } from "./parse-values.js";

/**
 * The input-guard flags of `ask` and `solve`, as commander hands them over. The guards are on
 * unless `--no-guards`: the question is checked for its length and for instructions hidden in
 * base64, hex or rot13 before any model work, and `--max-perplexity` adds the adversarial-suffix
 * guard, whose threshold only the user can calibrate for their model.
 */
export interface GuardFlags {
  /** `false` with `--no-guards`. */
  readonly guards?: boolean;
  /** Most characters the length guard lets through; its own default (8000) when absent. */
  readonly maxInputChars?: number;
  /** Turns the adversarial-suffix guard on, with this threshold. */
  readonly maxPerplexity?: number;
  /** A flagged question is recorded as a warning, and the search runs anyway. */
  readonly guardsWarn?: boolean;
}

/**
 * The length guard's limit: 8000 characters, about 2000 tokens — the default context of a loaded
 * model (2048), so a longer question could not be read whole anyway. `@deliberate/guards` has the
 * same default; test/cli/guards.test.ts checks that they agree.
 */
export const DEFAULT_MAX_INPUT_CHARS = 8000;

/** Parses `--max-perplexity`: a perplexity is at least 1, so a threshold is a number above 1. */
function parsePerplexity(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value <= 1) {
    throw new InvalidArgumentError(`Expected a number above 1 (e.g. 30000), got "${text}".`);
  }
  return value;
}

/** Adds `--no-guards`, `--max-input-chars`, `--max-perplexity` and `--guards-warn` to `command`. */
export function addGuardFlags(command: Command): Command {
  return command
    .option(
      "--no-guards",
      "do not check the question before thinking (its length, instructions hidden in base64, hex or rot13)",
    )
    .option(
      "--max-input-chars <n>",
      `longest question the length guard lets through, in characters (default: ${DEFAULT_MAX_INPUT_CHARS})`,
      parseIntegerIn(1),
    )
    .option(
      "--max-perplexity <x>",
      "also flag a question whose last 24 tokens the model finds less likely than this (adversarial suffixes); calibrate it per model, e.g. 30000 for builtin:tiny-reasoner",
      parsePerplexity,
    )
    .option(
      "--guards-warn",
      "think even when a guard flags the question; the verdict is kept in the tree as a warning",
    );
}

/** A guard flag given with `--no-guards` is a usage error: one of the two is a mistake. */
export function checkGuardFlags(flags: GuardFlags): void {
  if (flags.guards !== false) return;
  const tuning = {
    maxInputChars: "--max-input-chars",
    maxPerplexity: "--max-perplexity",
    guardsWarn: "--guards-warn",
  } as const;
  for (const [key, name] of Object.entries(tuning)) {
    if (flags[key as keyof typeof tuning] !== undefined) {
      throw createUsageError(
        `${name} tunes the input guards, but --no-guards turns them off: drop one of the two.`,
      );
    }
  }
}
