import { z } from "zod";
import { defineGenerator } from "../plugins/plugin.js";
import { type Generator, splitUsage } from "./generator.js";

const sampleSteps: Generator = async (scope, id, count, temperature, signal) => {
  const prompt = scope.task.stepPrompt(scope.taskNode(id));
  const outcome = await scope.generate(
    {
      segments: prompt.segments,
      n: count,
      maxTokens: prompt.maxTokens ?? scope.settings.maxStepTokens,
      temperature,
      seed: scope.nextSeed(count),
      stop: prompt.stop,
      constraint: prompt.constraint,
      logprobs: scope.settings.logprobs,
    },
    scope.node(id).score ?? 0,
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

/**
 * The `sample` generator, the default: asks the task's step prompt for `count` independent
 * completions, decoded together; each completion is one candidate step.
 */
export const sampleGenerator = defineGenerator({
  name: "sample",
  description: "independent completions of the step prompt, one step each",
  options: z.strictObject({}),
  create: () => sampleSteps,
});
