import { readFile, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { SearchSnapshot } from "@deliberate/core";
import { writeTextAtomic } from "@deliberate/core/tree";
import { CliError, ExitCode } from "../cli-error.js";
import type { SearchOptions } from "../options/build-think-options.js";
import type { ThinkFlags } from "../options/think-flags.js";
import type { TaskFlags } from "../tasks/task-catalog.js";

/** Format tag of the checkpoint file `--save` keeps beside the tree. */
export const CHECKPOINT_FORMAT = "deliberate.checkpoint";

/** What was searched, so `deliberate resume` can rebuild the same task. */
export type SearchOrigin =
  | { readonly kind: "question"; readonly question: string }
  | {
      readonly kind: "task";
      readonly task: string;
      readonly input: string;
      readonly taskFlags: TaskFlags;
    };

/** The flags that shape the search (not its output): what `resume` reuses as they were. */
export type SearchFlags = Omit<ThinkFlags, "json" | "save" | "html" | "live" | "verbose" | "debug">;

/**
 * The checkpoint file: the command's task and settings, and core's snapshot of the search after
 * its last whole step. A sidecar, not a field of tree.json, so the tree file stays the plain,
 * versioned tree every reader knows.
 */
export interface CheckpointFile {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: 1;
  readonly origin: SearchOrigin;
  readonly flags: SearchFlags;
  /** Options the command set unless a flag overrode them (solve's evaluator, say). */
  readonly defaults: Partial<SearchOptions>;
  readonly snapshot: SearchSnapshot;
}

/** Where the checkpoint of `tree` lives: `tree.json` → `tree.checkpoint.json`, beside it. */
export function findCheckpointPath(tree: string): string {
  const name = basename(tree).replace(/\.json$/i, "");
  return join(dirname(tree), `${name}.checkpoint.json`);
}

/** Writes the checkpoint atomically (temporary file + rename): a kill never leaves half of one. */
export function writeCheckpoint(path: string, file: CheckpointFile): Promise<void> {
  return writeTextAtomic(path, JSON.stringify(file));
}

/** Removes the checkpoint of a search that finished: there is nothing left to resume. */
export async function removeCheckpoint(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** Why a checkpoint cannot be used, as a CLI error that says what to do. */
function fail(path: string, problem: string, code: ExitCode = ExitCode.usage): CliError {
  return new CliError(`${path}: ${problem}`, code);
}

/**
 * Reads the checkpoint at `path`, or `undefined` when there is none. A file that is there but is
 * not a checkpoint (not JSON, another format, fields missing) is an error naming the file.
 */
export async function readCheckpoint(path: string): Promise<CheckpointFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fail(path, `cannot read the checkpoint: ${(error as Error).message}`, ExitCode.error);
  }
  const corrupt = (what: string) =>
    fail(
      path,
      `the checkpoint is corrupt (${what}); delete it and run the search again.`,
      ExitCode.error,
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(`not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(data) || data.format !== CHECKPOINT_FORMAT) {
    throw corrupt(`expected format "${CHECKPOINT_FORMAT}"`);
  }
  if (data.version !== 1) throw corrupt(`expected version 1, got ${String(data.version)}`);
  const origin = data.origin;
  const knownOrigin =
    isRecord(origin) &&
    ((origin.kind === "question" && typeof origin.question === "string") ||
      (origin.kind === "task" &&
        typeof origin.task === "string" &&
        typeof origin.input === "string" &&
        isRecord(origin.taskFlags)));
  if (!knownOrigin) throw corrupt("expected an origin: a question or a task with its input");
  if (!isRecord(data.flags) || typeof data.flags.model !== "string") {
    throw corrupt("expected the search's flags with its model");
  }
  if (!isRecord(data.defaults)) throw corrupt("expected the command's defaults");
  if (!isRecord(data.snapshot)) throw corrupt("expected a snapshot of the search");
  return data as unknown as CheckpointFile;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
