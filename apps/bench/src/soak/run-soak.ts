import type { LlamaModel } from "@deliberate/llama";
import { type MemorySample, type PoolCounts, readPoolCounts, sampleMemory } from "./pool-counts.js";
import { askSoakQuestion, findCrossTalk, findLeaks, type SoakAnswer } from "./soak-question.js";

/** A point of the back-to-back run: after how many questions, memory and pool counts. */
export interface SoakSample extends MemorySample {
  readonly questions: number;
  readonly pool: PoolCounts;
}

/** What {@link runBackToBack} measured. */
export interface BackToBackReport {
  readonly questions: number;
  /** After the warm-up, then at even intervals to the end. */
  readonly samples: readonly SoakSample[];
  /** RSS growth from the first sample to the last, scaled to 1,000 questions. */
  readonly rssGrowthMbPer1000: number;
  readonly heapGrowthMbPer1000: number;
  readonly failed: number;
  readonly leaks: readonly string[];
  readonly ms: number;
}

function sample(model: LlamaModel, questions: number): SoakSample {
  return { questions, ...sampleMemory(), pool: readPoolCounts(model) };
}

/**
 * Asks `count` questions one after the other on one loaded model, after `warmUp` questions that
 * are not counted (caches, JIT, the allocator's first pools); samples memory and the pool after
 * the warm-up and then `points` times at even intervals, the last at the end.
 */
export async function runBackToBack(
  model: LlamaModel,
  count: number,
  { warmUp = 10, points = 2 }: { warmUp?: number; points?: number } = {},
): Promise<BackToBackReport> {
  for (let index = 0; index < warmUp; index++) await askSoakQuestion(model, 90_000 + index);
  const samples: SoakSample[] = [sample(model, 0)];
  const leaks: string[] = [];
  let failed = 0;
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    const answer = await askSoakQuestion(model, index);
    if (answer.stopReason === "failed") failed++;
    leaks.push(...findLeaks(answer));
    const done = index + 1;
    if (Math.floor((done * points) / count) > Math.floor((index * points) / count)) {
      samples.push(sample(model, done));
    }
  }
  const first = samples[0] as SoakSample;
  const last = samples.at(-1) as SoakSample;
  const per1000 = (delta: number) => Math.round((delta / count) * 1000 * 10) / 10;
  return {
    questions: count,
    samples,
    rssGrowthMbPer1000: per1000(last.rssMb - first.rssMb),
    heapGrowthMbPer1000: per1000(last.heapUsedMb - first.heapUsedMb),
    failed,
    leaks,
    ms: Math.round(performance.now() - started),
  };
}

/** What {@link runConcurrent} measured. */
export interface ConcurrentReport {
  readonly questions: number;
  readonly completed: number;
  /**
   * Questions whose thoughts differ from those the same question writes alone, with the same seed.
   * Reported, not a failure: batched decoding may round differently from a lone decode, and one
   * token sampled otherwise changes the rest; {@link leaks} and {@link crossTalk} are the checks.
   */
  readonly differFromAlone: readonly number[];
  /**
   * Questions whose thoughts differ when asked alone a second time, after the concurrent run: the
   * same variation without any concurrency, from what the pool's sequences held before.
   */
  readonly differAloneTwice: readonly number[];
  /** Calls whose prompt lacks the question's own marker or holds another's. */
  readonly leaks: readonly string[];
  /** Thoughts that came from another question's calls, or from none of the question's own. */
  readonly crossTalk: readonly string[];
  /** Completion times from the common start: the last must not be far behind its share. */
  readonly minMs: number;
  readonly maxMs: number;
  readonly pool: { readonly before: PoolCounts; readonly after: PoolCounts };
  readonly answers: readonly SoakAnswer[];
}

/**
 * Asks `count` questions alone (the reference), then all at once on the same model: each must
 * complete, call the model only with its own prompt and get back only its own completions; how
 * many write other thoughts than alone is reported.
 */
export async function runConcurrent(
  model: LlamaModel,
  count: number,
  first = 50_000,
): Promise<ConcurrentReport> {
  const indexes = Array.from({ length: count }, (_, i) => first + i);
  const alone: SoakAnswer[] = [];
  for (const index of indexes) alone.push(await askSoakQuestion(model, index));
  const before = readPoolCounts(model);
  const answers = await Promise.all(indexes.map((index) => askSoakQuestion(model, index)));
  const after = readPoolCounts(model);
  const again: SoakAnswer[] = [];
  for (const index of indexes) again.push(await askSoakQuestion(model, index));
  // The same thoughts, in whatever order: two calls of one question may finish either way round.
  const thoughts = (answer: SoakAnswer | undefined) =>
    JSON.stringify([...(answer?.texts ?? [])].sort());
  const differFromAlone = answers
    .filter((answer, i) => thoughts(answer) !== thoughts(alone[i]))
    .map((answer) => answer.index);
  const differAloneTwice = again
    .filter((answer, i) => thoughts(answer) !== thoughts(alone[i]))
    .map((answer) => answer.index);
  const times = answers.map((answer) => answer.ms);
  return {
    questions: count,
    completed: answers.filter((answer) => answer.stopReason !== "failed").length,
    differFromAlone,
    differAloneTwice,
    leaks: answers.flatMap(findLeaks),
    crossTalk: findCrossTalk(answers),
    minMs: Math.round(times.reduce((least, ms) => Math.min(least, ms), Infinity)),
    maxMs: Math.round(times.reduce((most, ms) => Math.max(most, ms), 0)),
    pool: { before, after },
    answers,
  };
}
