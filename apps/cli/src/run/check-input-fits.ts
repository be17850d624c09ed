import { createQuestionTask, type ThinkInput } from "@deliberate/core";
import type { LlamaModel } from "@deliberate/llama";
import { createUsageError } from "../cli-error.js";

/** Tokens a step may generate when the task's prompt sets none: core's `maxStepTokens` default. */
const DEFAULT_STEP_TOKENS = 128;

/**
 * Refuses an input whose first prompt cannot fit the model's context, once the model is loaded
 * and before any search: every model call would fail the same way, and the search would end on
 * `failed` with the model's message cut short. The prompt measured is the one the search sends
 * first (the task's step prompt at the root), with room for the step it asks for. The error
 * names the sizes and the ways out: `--context` up to what the model was trained on, or a
 * shorter input.
 */
export function checkInputFits(input: ThinkInput, model: LlamaModel, spec: string): void {
  const task = typeof input === "string" ? createQuestionTask(input) : input;
  const prompt = task.stepPrompt({ state: task.initialState, path: [], depth: 0 });
  const room = prompt.maxTokens ?? DEFAULT_STEP_TOKENS;
  const tokens = model.renderPrompt(prompt.segments).length;
  const context = model.contextSize;
  if (tokens + room <= context) return;
  const trained = model.native.model.trainContextSize;
  const what = typeof input === "string" ? "question" : "input";
  const ways =
    trained >= tokens + room
      ? `Pass --context ${Math.min(trained, nextPowerOfTwo(tokens + room))} (${spec} takes up to ${trained}), or a shorter ${what}.`
      : trained > context
        ? `${spec} takes at most --context ${trained}, too few as well: shorten the ${what}, or use a model with a longer context.`
        : `${spec} reads at most ${trained} tokens: shorten the ${what}, or use a model with a longer context.`;
  throw createUsageError(
    `Expected a ${what} that fits the model's context of ${context} tokens with ${room} left for a step, got one whose first prompt is ${tokens} tokens. ${ways}`,
  );
}

function nextPowerOfTwo(value: number): number {
  return 2 ** Math.ceil(Math.log2(value));
}
