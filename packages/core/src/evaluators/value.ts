import type { SearchContext } from "../engine/search-context.js";
import { defaultValueScale, type TaskPrompt, type ValueScale } from "../task/task.js";
import type { NodeScore } from "../tree/schema.js";
import { clampUnit, type Evaluation, type Evaluator, evaluationOf } from "./evaluator.js";

export interface ValueOptions {
  /** Samples drawn per state when the model cannot score the scale's words directly. @default the search's `evaluationSamples` */
  readonly samples?: number;
  /** Use the model's probability of each word when it can give one, instead of sampling. @default true */
  readonly probabilities?: boolean;
}

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

function promptKey(prompt: TaskPrompt): string {
  return JSON.stringify(prompt.segments.map((segment) => [segment.role, segment.text]));
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
  context: SearchContext,
  prompt: TaskPrompt,
  scale: ValueScale,
  priority: number,
  signal: AbortSignal,
): Promise<NodeScore | undefined> {
  const outcome = await context.gate.scoreOptions(
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
  context: SearchContext,
  prompt: TaskPrompt,
  scale: ValueScale,
  samples: number,
  priority: number,
  signal: AbortSignal,
): Promise<NodeScore | undefined> {
  const outcome = await context.gate.generate(
    {
      segments: prompt.segments,
      n: samples,
      maxTokens: prompt.maxTokens ?? context.settings.maxStepTokens,
      temperature: context.settings.temperature,
      seed: context.nextSeed(samples),
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
 * The `value` evaluator: asks the model how promising each state is (the task's value prompt,
 * answered with the words of its scale), from the probabilities of the words when the model can
 * give them, else as the mean over `samples` sampled answers. Identical prompts are asked once.
 *
 * @example
 * ```ts
 * await think(task, { model, evaluator: { name: "value", samples: 3 } });
 * ```
 */
export function valueEvaluator(options: ValueOptions = {}): Evaluator {
  const cache = new Map<string, Promise<NodeScore | undefined>>();
  return {
    name: "value",
    async evaluate(context, targets, signal) {
      const task = context.task;
      const valuePrompt = task.valuePrompt?.bind(task);
      const results = new Map<number, Evaluation>();
      if (!valuePrompt) return results;
      const scale = task.valueScale ?? defaultValueScale;
      const useProbabilities = options.probabilities !== false && context.gate.model.scoreOptions;
      await Promise.all(
        targets.map(async ({ id }) => {
          const prompt = valuePrompt(context.taskNode(id));
          const key = promptKey(prompt);
          const priority = context.tree.node(id).score ?? 0;
          let pending = cache.get(key);
          if (!pending) {
            pending = useProbabilities
              ? scoreByProbability(context, prompt, scale, priority, signal)
              : scoreBySampling(
                  context,
                  prompt,
                  scale,
                  options.samples ?? context.settings.evaluationSamples,
                  priority,
                  signal,
                );
            cache.set(key, pending);
          }
          const score = await pending;
          // A failed evaluation is not cached: the same state may be asked again later.
          if (!score) cache.delete(key);
          else results.set(id, evaluationOf(score));
        }),
      );
      return results;
    },
  };
}
