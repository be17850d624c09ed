import { z } from "zod";
import { integerIn } from "../options/integer.js";
import { defineEvaluator } from "../plugins/plugin.js";
import type { SearchScope } from "../plugins/search-scope.js";
import { defaultValueScale, type TaskPrompt, type ValueScale } from "../task/task.js";
import type { NodeScore } from "../tree/schema.js";
import { BoundedCache } from "./bounded-cache.js";
import { clampUnit, type Evaluation, evaluationOf } from "./evaluator.js";

/** Options of the `value` evaluator. */
export const ValueOptions = z.strictObject({
  /** Samples drawn per state when the model cannot score the scale's words directly. @default the search's `evaluationSamples` */
  samples: integerIn(1, 100).optional(),
  /** Use the model's probability of each word when it can give one, instead of sampling. @default true */
  probabilities: z.boolean().optional(),
  /** Judgments remembered (by model and prompt), the least recently used forgotten first. @default 4096 */
  cacheSize: integerIn(0, 1_000_000).optional(),
});
export type ValueOptions = z.input<typeof ValueOptions>;

/** The value a reply means: the scale word that appears last in it, or `undefined`. */
export function parseValueWord(text: string, scale: ValueScale): number | undefined {
  const lower = text.toLowerCase();
  let best: { at: number; value: number } | undefined;
  scale.words.forEach((word, index) => {
    const at = lower.lastIndexOf(word.toLowerCase());
    if (at >= 0 && (!best || at > best.at)) best = { at, value: scale.values[index] ?? 0 };
  });
  return best?.value;
}

/** The same prompt means something else to another model: the key names both. */
function judgmentKey(modelId: string, prompt: TaskPrompt): string {
  return JSON.stringify([modelId, prompt.segments.map((segment) => [segment.role, segment.text])]);
}

/**
 * The continuations to score, index-aligned with the scale's words: the prompt's own choices when
 * it constrains the answer to them (they know whether a space comes first), else ` word`.
 */
function scoredOptions(prompt: TaskPrompt, scale: ValueScale): readonly string[] {
  const choice = prompt.constraint?.kind === "choice" ? prompt.constraint.options : undefined;
  if (choice && choice.length === scale.words.length) return choice;
  return scale.words.map((word) => ` ${word}`);
}

async function scoreByProbability(
  scope: SearchScope,
  prompt: TaskPrompt,
  scale: ValueScale,
  priority: number,
  signal: AbortSignal,
): Promise<NodeScore | undefined> {
  const outcome = await scope.scoreOptions(
    { segments: prompt.segments, options: scoredOptions(prompt, scale) },
    priority,
    signal,
  );
  if (!outcome.ok) return undefined;
  const probabilities = outcome.value.probabilities;
  const value = probabilities.reduce((sum, p, index) => sum + p * (scale.values[index] ?? 0), 0);
  const detail = scale.words.map(
    (word, index) => `P(${word})=${(probabilities[index] ?? 0).toFixed(3)}`,
  );
  return { source: "value", value: clampUnit(value), detail: detail.join(" ") };
}

async function scoreBySampling(
  scope: SearchScope,
  prompt: TaskPrompt,
  scale: ValueScale,
  samples: number,
  priority: number,
  signal: AbortSignal,
): Promise<NodeScore | undefined> {
  const outcome = await scope.generate(
    {
      segments: prompt.segments,
      n: samples,
      maxTokens: prompt.maxTokens ?? scope.settings.maxStepTokens,
      temperature: scope.settings.temperature,
      seed: scope.nextSeed(samples),
      stop: prompt.stop,
      constraint: prompt.constraint ?? { kind: "choice", options: scale.words },
    },
    priority,
    signal,
  );
  if (!outcome.ok) return undefined;
  const texts = outcome.value.completions.map((completion) => completion.text);
  const values = texts.map((text) => parseValueWord(text, scale)).filter((v) => v !== undefined);
  if (values.length === 0) return undefined;
  const words = texts.map((text) => text.trim().split(/\s+/).at(-1) ?? "").join(", ");
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return {
    source: "value",
    value: clampUnit(mean),
    detail: `${values.length}/${texts.length} parsed: ${words}`,
  };
}

/**
 * The `value` evaluator, the default: asks the model how promising each state is (the task's value
 * prompt, answered with the words of its scale), from the probabilities of the words when the
 * model can give them, else as the mean over `samples` sampled answers. A judgment is asked once
 * per model and prompt, and remembered up to `cacheSize` of them.
 *
 * @example
 * ```ts
 * await think(task, { model, evaluator: { name: "value", samples: 3 } });
 * ```
 */
export const valueEvaluator = defineEvaluator({
  name: "value",
  description: "the model judges each state with the words of the task's value scale",
  options: ValueOptions,
  create(options) {
    const cache = new BoundedCache<string, Promise<NodeScore | undefined>>(
      options.cacheSize ?? 4096,
    );
    return {
      name: "value",
      async evaluate(scope, targets, signal) {
        const task = scope.task;
        const valuePrompt = task.valuePrompt?.bind(task);
        const results = new Map<number, Evaluation>();
        if (!valuePrompt) return results;
        const scale = task.valueScale ?? defaultValueScale;
        const useProbabilities = options.probabilities !== false && scope.canScoreOptions;
        await Promise.all(
          targets.map(async ({ id }) => {
            const prompt = valuePrompt(scope.taskNode(id));
            const key = judgmentKey(scope.modelId, prompt);
            const priority = scope.node(id).score ?? 0;
            let pending = cache.get(key);
            if (!pending) {
              pending = useProbabilities
                ? scoreByProbability(scope, prompt, scale, priority, signal)
                : scoreBySampling(
                    scope,
                    prompt,
                    scale,
                    options.samples ?? scope.settings.evaluationSamples,
                    priority,
                    signal,
                  );
              cache.set(key, pending);
            }
            const score = await pending;
            // A failed evaluation is not kept: the same state may be asked again later.
            if (!score) cache.delete(key);
            else results.set(id, evaluationOf(score));
          }),
        );
        return results;
      },
    };
  },
});
