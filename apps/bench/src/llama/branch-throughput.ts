import type { PromptSegment } from "@deliberate/core";
import type { LlamaModel } from "@deliberate/llama";

/** Generated tokens per second of one `generate` with `n` branches from a cached prompt. */
async function measureThroughput(
  model: LlamaModel,
  root: PromptSegment,
  n: number,
): Promise<number> {
  const request = { segments: [root], n, maxTokens: 48, temperature: 1, seed: 1 };
  // Puts the prompt in every sequence first, so the measured call only generates.
  await model.generate({ ...request, maxTokens: 1 });
  const reply = await model.generate(request);
  return reply.usage.generatedTokens / (reply.usage.ms / 1000);
}

/**
 * Generation throughput at each branch count, best of `rounds` interleaved measurements: on a
 * shared machine the load changes by the minute, and interleaving gives every count the same
 * chances. The model's pool must hold the largest count.
 */
export async function compareBranchThroughput(
  model: LlamaModel,
  root: PromptSegment,
  counts: readonly number[],
  rounds: number,
): Promise<Record<number, number>> {
  const best: Record<number, number> = {};
  for (let round = 0; round < rounds; round++) {
    for (const n of counts)
      best[n] = Math.max(best[n] ?? 0, await measureThroughput(model, root, n));
  }
  return best;
}
