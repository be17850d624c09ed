import { addModelUsage, emptyModelUsage, type ModelUsage } from "@deliberate/core/model";
import type { SinglePassStyle } from "./cases.js";
import type { CaseOutcome, EvaluationMethod, MethodRun } from "./method.js";

interface Samples {
  readonly answers: (string | undefined)[];
  readonly usage: ModelUsage;
  readonly stopReason: "exhausted" | "budget" | "failed";
}

/**
 * Draws `count` single-pass replies in calls of at most `concurrency` completions, until the
 * budget's deadline: replies that came back before it still vote.
 */
async function drawSamples(
  run: MethodRun,
  style: SinglePassStyle,
  count: number,
  temperature: number,
): Promise<Samples> {
  const prompt = run.evalCase.buildSinglePassPrompt(style);
  const deadline = AbortSignal.timeout(Math.max(1, run.budgetMs));
  const signal = run.signal ? AbortSignal.any([run.signal, deadline]) : deadline;
  const answers: (string | undefined)[] = [];
  let usage = emptyModelUsage;
  while (answers.length < count) {
    const n = Math.min(run.settings.concurrency, count - answers.length);
    try {
      const reply = await run.model.generate({
        segments: prompt.segments,
        n,
        maxTokens: prompt.maxTokens ?? 160,
        temperature,
        seed: run.seed + answers.length,
        stop: prompt.stop,
        constraint: prompt.constraint,
        signal,
      });
      usage = addModelUsage(usage, reply.usage);
      for (const completion of reply.completions)
        answers.push(run.evalCase.extractAnswer(completion.text));
    } catch (error) {
      if (run.signal?.aborted) throw error;
      return { answers, usage, stopReason: signal.aborted ? "budget" : "failed" };
    }
  }
  return { answers, usage, stopReason: "exhausted" };
}

/** The answer most replies gave, compared without spaces; ties go to the earlier. */
export function chooseMajority(answers: readonly (string | undefined)[]): string | undefined {
  const votes = new Map<string, { answer: string; count: number }>();
  for (const answer of answers) {
    if (answer === undefined) continue;
    const key = answer.replace(/\s+/g, "");
    const entry = votes.get(key) ?? { answer, count: 0 };
    entry.count += 1;
    votes.set(key, entry);
  }
  let winner: { answer: string; count: number } | undefined;
  for (const entry of votes.values()) if (!winner || entry.count > winner.count) winner = entry;
  return winner?.answer;
}

async function runSinglePass(
  run: MethodRun,
  style: SinglePassStyle,
  count: number,
  temperature: number,
): Promise<CaseOutcome> {
  const started = performance.now();
  const samples = await drawSamples(run, style, count, temperature);
  const answer = chooseMajority(samples.answers);
  const solved = answer !== undefined && run.evalCase.checkAnswer(answer);
  return {
    case: run.evalCase.id,
    solved,
    ...(answer === undefined ? {} : { answer }),
    stopReason: solved ? "solved" : samples.stopReason,
    promptTokens: samples.usage.promptTokens,
    evaluatedPromptTokens: samples.usage.evaluatedPromptTokens,
    generatedTokens: samples.usage.generatedTokens,
    calls: samples.usage.calls,
    seconds: (performance.now() - started) / 1000,
  };
}

/** IO: the paper's few-shot prompt answered at once, one sample. */
export const ioMethod: EvaluationMethod = {
  id: "io",
  label: () => "IO (one sample)",
  kind: "single-pass",
  run: (run) => runSinglePass(run, "io", 1, run.settings.temperature),
};

/** CoT: one sampled trace that writes the steps before the answer. */
export const cotMethod: EvaluationMethod = {
  id: "cot",
  label: () => "CoT (one sampled trace)",
  kind: "single-pass",
  run: (run) => runSinglePass(run, "cot", 1, run.settings.temperature),
};

/** CoT decoded greedily: a small trained model's strongest single pass. */
export const cotGreedyMethod: EvaluationMethod = {
  id: "cot-greedy",
  label: () => "CoT (greedy trace)",
  kind: "single-pass",
  run: (run) => runSinglePass(run, "cot", 1, 0),
};

/** CoT self-consistency: `samples` sampled traces, the most frequent answer wins. */
export const cotSelfConsistencyMethod: EvaluationMethod = {
  id: "cot-sc",
  label: (settings) => `CoT-SC (k=${settings.samples})`,
  kind: "single-pass",
  run: (run) => runSinglePass(run, "cot", run.settings.samples, run.settings.temperature),
};
