import type { TaskNode } from "../task/task.js";
import { type Generator, splitUsage } from "./generator.js";

function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * The `propose` policy, as ToT's Game of 24: one call whose reply lists several next steps, split
 * into up to `count` candidates. A reply that lists none becomes one invalid child with its text.
 */
export const proposeSteps: Generator = async (context, id, count, temperature, signal) => {
  const task = context.task;
  const node: TaskNode<unknown> = context.taskNode(id);
  const prompt = task.proposePrompt?.(node, count) ?? task.stepPrompt(node);
  const outcome = await context.gate.generate(
    {
      segments: prompt.segments,
      n: 1,
      maxTokens: prompt.maxTokens ?? context.settings.maxStepTokens * count,
      temperature,
      seed: context.nextSeed(1),
      stop: prompt.stop,
      constraint: prompt.constraint,
    },
    context.tree.node(id).score ?? 0,
    signal,
  );
  if (!outcome.ok) return outcome;
  const { completions, usage } = outcome.value;
  const text = completions[0]?.text ?? "";
  const texts = (task.splitProposals?.(text, node) ?? splitLines(text)).slice(0, count);
  if (texts.length === 0) {
    return {
      ok: true,
      steps: [],
      unusable: [
        {
          raw: text,
          reason: "the proposal lists no step",
          usage: splitUsage(usage, 1, 0, usage.generatedTokens),
        },
      ],
    };
  }
  return {
    ok: true,
    steps: texts.map((step, index) => ({
      text: step,
      usage: splitUsage(usage, texts.length, index, index === 0 ? usage.generatedTokens : 0),
    })),
  };
};
