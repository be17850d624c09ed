import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { LlamaContextSequence } from "node-llama-cpp";

/**
 * Copies the state of `source` into each of `targets` through a state file in `scratchDir`.
 * llama.cpp has no sequence-to-sequence copy in this binding; writing and reading the state file
 * takes milliseconds where evaluating the prompt again takes hundreds.
 */
export async function forkSequence(
  source: LlamaContextSequence,
  targets: readonly LlamaContextSequence[],
  scratchDir: string,
): Promise<void> {
  if (targets.length === 0) return;
  const file = join(scratchDir, `fork-${randomUUID()}.bin`);
  try {
    await source.saveStateToFile(file);
    for (const target of targets) await target.loadStateFromFile(file, { acceptRisk: true });
  } finally {
    await rm(file, { force: true });
  }
}
