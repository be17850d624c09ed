import type { SearchSnapshot } from "@deliberate/core";
import type { SearchOptions } from "../options/build-think-options.js";
import type { ThinkFlags } from "../options/think-flags.js";
import {
  CHECKPOINT_FORMAT,
  findCheckpointPath,
  removeCheckpoint,
  type SearchFlags,
  type SearchOrigin,
  writeCheckpoint,
} from "./checkpoint-file.js";

/** Steps between checkpoints unless `--checkpoint-every` says otherwise. */
export const DEFAULT_CHECKPOINT_STEPS = 1;

/** What {@link startStepCheckpoints} needs. */
export interface StepCheckpointsInput {
  /** The `--save` tree file; the checkpoint goes beside it. */
  readonly tree: string;
  readonly origin: SearchOrigin;
  readonly flags: ThinkFlags;
  readonly defaults: Partial<SearchOptions>;
  readonly notify: (line: string) => void;
}

/** The `checkpoint` option of core, and a way to remove the file once the search has finished. */
export interface StepCheckpoints {
  readonly option: { every: number; save: (snapshot: SearchSnapshot) => Promise<void> };
  readonly path: string;
  remove(): Promise<void>;
}

/**
 * Keeps what `deliberate resume` needs beside the tree: every `--checkpoint-every` steps, core's
 * snapshot with the command's task and settings, written atomically. Core runs the saves one after
 * the other; a failed save is reported once here (and recorded as an event by core).
 */
export function startStepCheckpoints(input: StepCheckpointsInput): StepCheckpoints {
  const path = findCheckpointPath(input.tree);
  const flags = pickSearchFlags(input.flags);
  let reported = false;
  const save = async (snapshot: SearchSnapshot) => {
    try {
      await writeCheckpoint(path, {
        format: CHECKPOINT_FORMAT,
        version: 1,
        origin: input.origin,
        flags,
        defaults: input.defaults,
        snapshot,
      });
    } catch (error) {
      if (!reported) {
        reported = true;
        input.notify(`warning: cannot write the checkpoint ${path}: ${(error as Error).message}`);
      }
      throw error;
    }
  };
  return {
    option: { every: input.flags.checkpointEvery ?? DEFAULT_CHECKPOINT_STEPS, save },
    path,
    remove: () => removeCheckpoint(path),
  };
}

/** The flags that shape the search; those that only shape its output are the resume's own. */
const SEARCH_FLAG_NAMES = [
  "model",
  "think",
  "tokens",
  "nodes",
  "strategy",
  "width",
  "depth",
  "branching",
  "samples",
  "threshold",
  "evaluator",
  "generator",
  "temperature",
  "seed",
  "threads",
  "gpu",
  "gpuLayers",
  "context",
  "checkpointEvery",
] as const satisfies readonly (keyof SearchFlags)[];

/** The flags that shape the search, without those that only shape its output (or a task's). */
export function pickSearchFlags(flags: ThinkFlags): SearchFlags {
  const picked: Record<string, unknown> = {};
  for (const name of SEARCH_FLAG_NAMES) {
    if (flags[name] !== undefined) picked[name] = flags[name];
  }
  return picked as unknown as SearchFlags;
}
