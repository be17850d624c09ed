import { readdirSync } from "node:fs";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { LlamaModel } from "@deliberate/llama";

/** What one loaded model and the process hold: counts that must not grow question after question. */
export interface PoolCounts {
  /** Context sequences the model's pool has. */
  readonly branches: number;
  /** Sequences the llama.cpp context can still hand out: none may leak. */
  readonly sequencesLeft: number;
  /** Open file descriptors of the process (Linux), else -1. */
  readonly openFiles: number;
  /** Handles, timers and requests keeping the event loop alive. */
  readonly activeResources: number;
}

/** Reads the counts now. */
export function readPoolCounts(model: LlamaModel): PoolCounts {
  return {
    branches: model.branches,
    sequencesLeft: model.native.context.sequencesLeft,
    openFiles: countOpenFiles(),
    activeResources: process.getActiveResourcesInfo().length,
  };
}

function countOpenFiles(): number {
  try {
    return readdirSync("/proc/self/fd").length;
  } catch {
    return -1;
  }
}

/** Memory after a full collection when `--expose-gc` allows one: what the process keeps. */
export interface MemorySample {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly collected: boolean;
}

/**
 * The collector: `global.gc` under `node --expose-gc`, else one exposed at run time (V8 lets a
 * new context see it once the flag is set), else none — the samples then say so.
 */
function findGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

/** Collects garbage when it can, then samples the resident set and the heap. */
export function sampleMemory(): MemorySample {
  const gc = findGc();
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), collected: gc !== undefined };
}
