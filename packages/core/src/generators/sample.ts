import { type Generator, splitUsage } from "./generator.js";

/**
 * The `sample` policy: asks the task's step prompt for `count` independent completions, each with
 * its own seed; each completion is one candidate step.
 */
export const sampleSteps: Generator = async (context, id, count, temperature, signal) => {
  const prompt = context.task.stepPrompt(context.taskNode(id));
  const outcome = await context.gate.generate(
    {
      segments: prompt.segments,
      n: count,
      maxTokens: prompt.maxTokens ?? context.settings.maxStepTokens,
      temperature,
      seed: context.nextSeed(count),
      stop: prompt.stop,
      constraint: prompt.constraint,
      logprobs: context.settings.logprobs,
    },
    context.tree.node(id).score ?? 0,
    signal,
  );
  if (!outcome.ok) return outcome;
  const { completions, usage } = outcome.value;
  return {
    ok: true,
    steps: completions.map((completion, index) => ({
      text: completion.text,
      tokens: completion.tokens,
      logprobs: completion.logprobs,
      usage: splitUsage(
        usage,
        completions.length,
        index,
        completion.tokens?.length ?? Math.floor(usage.generatedTokens / completions.length),
      ),
    })),
  };
};
