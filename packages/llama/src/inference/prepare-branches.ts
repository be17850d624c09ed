import type { InferenceRuntime } from "./inference-runtime.js";
import { evaluatePrompt } from "./prompt-evaluation.js";
import { forkSequence } from "./sequence-fork.js";
import type { PoolSlot } from "./sequence-pool.js";
import { measureCommonPrefix } from "./token-prefix.js";
import type { UsageMeter } from "./usage-meter.js";

/**
 * Brings every slot to hold `prefix`. The first slot (the one sharing the longest prefix)
 * evaluates its missing tail; a sibling that already holds nearly all of it evaluates its own
 * short tail, and the others receive a copy of the first slot's state instead of evaluating the
 * prompt again. Returns `false` when the signal aborted the prompt evaluation.
 */
export async function prepareBranches(
  runtime: InferenceRuntime,
  slots: readonly PoolSlot[],
  prefix: readonly number[],
  meter: UsageMeter,
  signal?: AbortSignal,
): Promise<boolean> {
  const [primary, ...siblings] = slots;
  if (!primary) return true;
  const first = await evaluatePrompt(primary.sequence, prefix, runtime.promptChunker, signal);
  meter.evaluatedPromptTokens += first.evaluated;
  if (first.aborted) return false;
  const toFork = siblings.filter((slot) => {
    const missing = prefix.length - measureCommonPrefix(slot.sequence.contextTokens, prefix);
    return missing > runtime.forkThreshold;
  });
  const toEvaluate = siblings.filter((slot) => !toFork.includes(slot));
  const tails = await Promise.all(
    toEvaluate.map((slot) => evaluatePrompt(slot.sequence, prefix, runtime.promptChunker, signal)),
  );
  for (const tail of tails) meter.evaluatedPromptTokens += tail.evaluated;
  if (tails.some((tail) => tail.aborted)) return false;
  await forkSequence(
    primary.sequence,
    toFork.map((slot) => slot.sequence),
    runtime.scratchDir,
  );
  meter.forks += toFork.length;
  return true;
}
