import type { PromptSegment } from "@deliberate/core/model";
import type { LlamaModel } from "@deliberate/llama";

/** Generated tokens per second of wall time, and per second of this process's CPU time. */
export interface Throughput {
  readonly wall: number;
  /** Robust to other jobs on a shared machine: what a token costs, not how much CPU we got. */
  readonly cpu: number;
}

/** CPU seconds this process (all its threads, llama.cpp's included) has used so far. */
export function readCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Throughput of one `generate` with `n` branches from a cached prompt. */
async function measureThroughput(
  model: LlamaModel,
  root: PromptSegment,
  n: number,
): Promise<Throughput> {
  const request = { segments: [root], n, maxTokens: 48, temperature: 1, seed: 1 };
  // Puts the prompt in every sequence first, so the measured call only generates.
  await model.generate({ ...request, maxTokens: 1 });
  const cpuBefore = readCpuSeconds();
  const reply = await model.generate(request);
  const cpuSeconds = readCpuSeconds() - cpuBefore;
  return {
    wall: reply.usage.generatedTokens / (reply.usage.ms / 1000),
    cpu: reply.usage.generatedTokens / cpuSeconds,
  };
}

/**
 * Throughput at each branch count, best of `rounds` interleaved measurements: on a shared
 * machine the load changes by the minute, and interleaving gives every count the same chances.
 * The model's pool must hold the largest count.
 */
export async function compareBranchThroughput(
  model: LlamaModel,
  root: PromptSegment,
  counts: readonly number[],
  rounds: number,
): Promise<Record<number, Throughput>> {
  const best: Record<number, Throughput> = {};
  for (let round = 0; round < rounds; round++) {
    for (const n of counts) {
      const measured = await measureThroughput(model, root, n);
      const previous = best[n];
      best[n] = {
        wall: Math.max(previous?.wall ?? 0, measured.wall),
        cpu: Math.max(previous?.cpu ?? 0, measured.cpu),
      };
    }
  }
  return best;
}
