/**
 * `npm run bench -- abort [--json] [--model <source>] [--trials <n>]`: how late an AbortSignal
 * lands in `@deliberate/llama`, from `abort()` to the reply, during generation and during the
 * evaluation of a 1,200-token prompt (evaluated in chunks so an abort can land between them).
 */
import { loadavg } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import type { PromptSegment } from "@deliberate/core/model";
import { type LlamaModel, loadModel } from "@deliberate/llama";

const promptTokens = 1200;

interface Trial {
  readonly latencyMs: number;
  /** Whether the abort found the phase it was meant for (generation, or the prompt). */
  readonly inPhase: boolean;
}

function readOption(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A prompt of `promptTokens` tokens that shares nothing with earlier trials after BOS. */
function buildLongPrompt(model: LlamaModel, trial: number): PromptSegment[] {
  const words = "a little bird sang in the tall tree while the sun rose over the quiet town".split(
    " ",
  );
  const head = `Trial ${trial}:`;
  let text = head;
  for (let index = 0; model.renderPrompt([{ text }]).length < promptTokens; index++) {
    text += ` ${words[(index * 5 + trial) % words.length]}`;
  }
  return [{ text, trusted: true }];
}

/** Starts a request, aborts it after `delayMs`, and times abort → reply. */
async function abortAfter(
  model: LlamaModel,
  segments: PromptSegment[],
  maxTokens: number,
  delayMs: number,
  wantGeneration: boolean,
): Promise<Trial> {
  const controller = new AbortController();
  const pending = model.generate({
    segments,
    maxTokens,
    n: 1,
    temperature: 1,
    seed: 1,
    signal: controller.signal,
  });
  await sleep(delayMs);
  const abortedAt = performance.now();
  controller.abort();
  const reply = await pending;
  const latencyMs = performance.now() - abortedAt;
  const generated = reply.usage.generatedTokens > 0;
  const aborted = reply.completions[0]?.finishReason === "aborted";
  return { latencyMs, inPhase: aborted && generated === wantGeneration };
}

function summarize(trials: readonly Trial[]) {
  const valid = trials.filter((trial) => trial.inPhase).map((trial) => trial.latencyMs);
  valid.sort((a, b) => a - b);
  const at = (q: number) =>
    valid[Math.min(valid.length - 1, Math.floor(q * valid.length))] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    trials: valid.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(valid.at(-1) ?? Number.NaN),
  };
}

export async function run(args: readonly string[]): Promise<void> {
  const source = readOption(args, "model") ?? "synthetic:bench";
  const trials = Number(readOption(args, "trials") ?? 20);
  const loadBefore = loadavg()[0];
  const model = await loadModel({ model: source, branches: 1, contextSize: 2048 });
  const generation: Trial[] = [];
  const prompt: Trial[] = [];
  try {
    const short = [{ text: "Once upon a time", trusted: true }];
    await model.generate({ segments: short, maxTokens: 1 });
    for (let trial = 0; trial < trials; trial++) {
      generation.push(await abortAfter(model, short, 1000, 30 + ((trial * 37) % 150), true));
    }
    for (let trial = 0; trial < trials; trial++) {
      // Into the prompt, which takes ~1 s on an idle 2-core machine and longer under load.
      prompt.push(
        await abortAfter(model, buildLongPrompt(model, trial), 8, 50 + ((trial * 53) % 400), false),
      );
    }
  } finally {
    await model.dispose();
  }
  const report = {
    model: source,
    promptTokens,
    duringGeneration: summarize(generation),
    duringPrompt: summarize(prompt),
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
  if (args.includes("--json")) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  const line = (name: string, s: ReturnType<typeof summarize>) =>
    `${name}: p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms (${s.trials} trials)`;
  console.log(`abort latency, ${source}, abort() to reply`);
  console.log(line("during generation", report.duringGeneration));
  console.log(line(`during a ${promptTokens}-token prompt`, report.duringPrompt));
  console.log(
    `load average: ${loadBefore?.toFixed(2)} before, ${report.loadAverage.after?.toFixed(2)} after`,
  );
}
