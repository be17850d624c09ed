import { type SearchTree, saveTree } from "@deliberate/core";

/** How often a running search with `--save` writes its tree. */
export const CHECKPOINT_MS = 5000;

/** Periodic saves of a running search's tree. */
export interface Checkpoints {
  /** Stops saving and waits for a write in flight, so the final save cannot be overtaken by it. */
  stop(): Promise<void>;
}

/**
 * Saves the tree to `path` every `everyMs` while the search runs, atomically: a process killed
 * outright (SIGKILL, a crash, a power cut) still leaves the tree as of its last checkpoint, never
 * a truncated file. A failed write is reported once and retried at the next checkpoint.
 */
export function startCheckpoints(
  path: string,
  readTree: () => SearchTree,
  notify: (line: string) => void,
  everyMs = CHECKPOINT_MS,
): Checkpoints {
  let writing: Promise<void> | undefined;
  let reported = false;
  const timer = setInterval(() => {
    if (writing) return;
    writing = saveTree(path, readTree())
      .catch((error: unknown) => {
        if (reported) return;
        reported = true;
        notify(`warning: cannot checkpoint the tree to ${path}: ${(error as Error).message}`);
      })
      .finally(() => {
        writing = undefined;
      });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await writing;
    },
  };
}
