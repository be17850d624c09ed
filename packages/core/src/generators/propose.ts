import { z } from "zod";
import { defineGenerator } from "../plugins/plugin.js";
import type { TaskNode } from "../task/task.js";
import { type Generator, splitUsage } from "./generator.js";

function splitLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const proposeSteps: Generator = async (scope, id, count, temperature, signal) => {
  const task = scope.task;
  const node: TaskNode<unknown> = scope.taskNode(id);
  const prompt = task.proposePrompt?.(node, count) ?? task.stepPrompt(node);
  const outcome = await scope.generate(
    {
      segments: prompt.segments,
      n: 1,
      maxTokens: prompt.maxTokens ?? scope.settings.maxStepTokens * count,
      temperature,
      seed: scope.nextSeed(1),
      stop: prompt.stop,
      constraint: prompt.constraint,
    },
    scope.node(id).score ?? 0,
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

/**
 * The `propose` generator, as ToT's Game of 24: one call whose reply lists several next steps,
 * split into up to `count` candidates. A reply that lists none becomes one invalid child with its
 * text. Needs a task with a `proposePrompt`.
 *
 * @example
 * ```ts
 * await think(createGame24Task("4 9 10 13"), { model, generator: "propose" });
 * ```
 */
export const proposeGenerator = defineGenerator({
  name: "propose",
  description: "one call lists several next steps (a task with a proposePrompt)",
  options: z.strictObject({}),
  create: () => proposeSteps,
});
