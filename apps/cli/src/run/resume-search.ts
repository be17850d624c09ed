import { resolve } from "node:path";
import { loadTree, parseTree, type SearchTree, type ThinkInput } from "@deliberate/core";
import { formatDuration } from "@deliberate/core/options";
import { CliError, ExitCode } from "../cli-error.js";
import type { ResumeFlags } from "../commands/resume.js";
import { pickModelOptions } from "../options/model-flags.js";
import type { ThinkFlags } from "../options/think-flags.js";
import { createTask } from "../tasks/create-task.js";
import { type CheckpointFile, findCheckpointPath, readCheckpoint } from "./checkpoint-file.js";
import { runSearch } from "./run-search.js";

/**
 * Goes on with the search saved in `file` from its last checkpoint, with the task and settings it
 * started with (the model and threads may be overridden), and saves the final tree to the same
 * file unless `--save` names another. A finished search is reported as such, exit 0.
 */
export async function resumeSearch(file: string, flags: ResumeFlags): Promise<ExitCode> {
  const tree = resolve(file);
  const checkpointPath = findCheckpointPath(tree);
  const checkpoint = await readCheckpoint(checkpointPath);
  const saved = await readSavedTree(tree, checkpoint !== undefined);
  if (saved?.stopReason !== undefined && saved.stopReason !== "cancelled") {
    process.stderr.write(
      `${tree}: the search already finished (${saved.stopReason}): nothing to resume. \`deliberate view ${file}\` shows it.\n`,
    );
    return ExitCode.answered;
  }
  if (!checkpoint) {
    throw new CliError(
      `${tree}: no checkpoint to resume from (expected ${checkpointPath} beside it, which \`deliberate ask\` or \`solve\` with --save keeps while it searches). Run the search again with --save.`,
      ExitCode.usage,
    );
  }
  const input = rebuildInput(checkpoint, checkpointPath);
  const snapshot = checkSnapshotTree(checkpoint, input, checkpointPath);
  const searchFlags: ThinkFlags = {
    ...checkpoint.flags,
    ...(flags.model === undefined ? {} : { model: flags.model }),
    ...pickModelOptions(flags),
    json: flags.json,
    save: flags.save ?? tree,
    html: flags.html,
    live: flags.live,
    verbose: flags.verbose,
    debug: flags.debug,
  };
  const spent = formatDuration(checkpoint.snapshot.meter.elapsedMs);
  return runSearch({
    input,
    flags: searchFlags,
    defaults: checkpoint.defaults,
    origin: checkpoint.origin,
    snapshot: checkpoint.snapshot,
    notes: [
      `resuming ${tree} after step ${checkpoint.snapshot.steps}: ${snapshot.nodes.length} nodes, ${spent} of think time spent`,
    ],
  });
}

/** The tree file as saved, or `undefined` when there is none (or it is unreadable but a checkpoint is). */
async function readSavedTree(
  tree: string,
  hasCheckpoint: boolean,
): Promise<SearchTree | undefined> {
  try {
    return await loadTree(tree);
  } catch (error) {
    // The checkpoint is what a resume needs; a tree file cut short by the kill does not matter.
    if (hasCheckpoint) return undefined;
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === "ENOENT") {
      throw new CliError(
        `${tree}: no such file, and no checkpoint beside it. Give the file a search was saved to with --save.`,
        ExitCode.usage,
      );
    }
    throw error;
  }
}

/** The question or task the checkpoint was of; a task this CLI does not know is a usage error. */
function rebuildInput(checkpoint: CheckpointFile, path: string): ThinkInput {
  const origin = checkpoint.origin;
  if (origin.kind === "question") return origin.question;
  try {
    return createTask(origin.task, origin.input, origin.taskFlags);
  } catch (error) {
    throw new CliError(
      `${path}: the checkpoint is of a task this deliberate cannot rebuild: ${(error as Error).message}`,
      ExitCode.usage,
      { cause: error },
    );
  }
}

/** The snapshot's tree, checked, and of the same question and task as the checkpoint says. */
function checkSnapshotTree(checkpoint: CheckpointFile, input: ThinkInput, path: string) {
  let tree: SearchTree;
  try {
    tree = parseTree(checkpoint.snapshot.tree);
  } catch (error) {
    throw new CliError(
      `${path}: the checkpoint is corrupt (${(error as Error).message}); delete it and run the search again.`,
      ExitCode.error,
      { cause: error },
    );
  }
  const question = typeof input === "string" ? input : input.question;
  if (tree.question !== question) {
    throw new CliError(
      `${path}: the checkpoint's tree is of "${tree.question.slice(0, 60)}", not of the question it names; delete it and run the search again.`,
      ExitCode.error,
    );
  }
  return tree;
}
