/**
 * `npm run bench -- soak [--json] [--model synthetic:tiny] [--questions 1000] [--concurrent 16]
 * [--branches 8] [--samples 10]`: many questions on one loaded model. Back to back: memory (RSS
 * and heap after a full collection) after a warm-up and `--samples` times to the end, and its
 * growth per 1,000 questions;
 * the pool's sequences, open files and live handles, which must not grow. At once: every question
 * completes, calls the model only with its own prompt (each carries a unique marker) and gets
 * back only its own completions; how many write the same thoughts as when asked alone; the fastest
 * and slowest completion times show none starves.
 */
import { loadavg } from "node:os";
import { loadModel } from "@deliberate/llama";
import { parseBenchArgs } from "../bench-output.js";
import { runBackToBack, runConcurrent, type SoakSample } from "../soak/run-soak.js";

export async function run(args: readonly string[]): Promise<void> {
  const options = parseBenchArgs(args, {
    model: "synthetic:tiny",
    questions: "1000",
    concurrent: "16",
    branches: "8",
    samples: "10",
  });
  const loadBefore = loadavg()[0] ?? 0;
  const model = await loadModel({
    model: options.model,
    branches: Number(options.branches),
    contextSize: 512,
    threads: 1,
  });
  try {
    const backToBack = await runBackToBack(model, Number(options.questions), {
      points: Number(options.samples),
    });
    const together = await runConcurrent(model, Number(options.concurrent));
    const { answers, ...concurrent } = together;
    const report = {
      model: options.model,
      branches: model.branches,
      backToBack,
      concurrent: { ...concurrent, calls: answers.reduce((sum, a) => sum + a.calls.length, 0) },
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
      node: process.version,
    };
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    printReport(report);
  } finally {
    await model.dispose();
  }
}

function describeSample(sample: SoakSample): string {
  const { pool } = sample;
  return `after ${sample.questions} questions: RSS ${sample.rssMb} MB, heap ${sample.heapUsedMb} MB · ${pool.branches} sequences (${pool.sequencesLeft} left in the context), ${pool.openFiles} open files, ${pool.activeResources} live handles`;
}

function printReport(report: {
  model: string;
  branches: number;
  backToBack: Awaited<ReturnType<typeof runBackToBack>>;
  concurrent: Omit<Awaited<ReturnType<typeof runConcurrent>>, "answers"> & { calls: number };
  loadAverage: { before: number; after: number };
}): void {
  const { backToBack: b, concurrent: c } = report;
  const gc = b.samples[0]?.collected ? "after a full GC" : "without a GC (none available)";
  console.log(`soak, ${report.model}, one loaded model, ${report.branches} sequences`);
  console.log(
    `${b.questions} questions back to back in ${(b.ms / 1000).toFixed(1)} s, memory ${gc}:`,
  );
  for (const sample of b.samples) console.log(`  ${describeSample(sample)}`);
  console.log(
    `  growth per 1,000 questions: RSS ${b.rssGrowthMbPer1000} MB, heap ${b.heapGrowthMbPer1000} MB · ${b.failed} failed · ${b.leaks.length} isolation problems`,
  );
  console.log(`${c.questions} questions at once (${c.calls} model calls):`);
  console.log(
    `  ${c.completed}/${c.questions} completed · ${c.leaks.length} calls with another question's marker or without their own · ${c.crossTalk.length} thoughts from another question's calls`,
  );
  console.log(
    `  ${c.questions - c.differFromAlone.length}/${c.questions} wrote exactly the thoughts they write alone (same seed); asked alone again afterwards, ${c.questions - c.differAloneTwice.length}/${c.questions} did`,
  );
  console.log(`  completion time: fastest ${c.minMs} ms, slowest ${c.maxMs} ms`);
  console.log(
    `load average: ${report.loadAverage.before.toFixed(2)} before, ${report.loadAverage.after.toFixed(2)} after`,
  );
}
