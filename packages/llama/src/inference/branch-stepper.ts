import {
  type LlamaContextSequence,
  type LlamaGrammar,
  LlamaGrammarEvaluationState,
  type LlamaModel as NativeModel,
  type Token,
} from "node-llama-cpp";

/** One sampled token and its probability in the distribution it was drawn from. */
export interface SampledToken {
  readonly token: number;
  readonly confidence?: number;
}

/** Evaluates a branch's previous token and samples its next one, one call per step. */
export interface BranchStepper {
  step(): Promise<SampledToken | undefined>;
  close(): Promise<void>;
}

export interface StepperSettings {
  readonly firstToken: number;
  readonly temperature: number;
  readonly seed: number;
  readonly confidence: boolean;
  readonly grammar?: LlamaGrammar;
}

/** Plain temperature sampling: top-k, top-p and min-p neutral. */
const neutral = { topK: 0, topP: 1, minP: 0 } as const;

/**
 * A stepper for one branch. Without a grammar each step is a `controlledEvaluate` call, which
 * makes a new sampler per call: the step's seed is mixed from the branch seed and the step, so
 * steps differ and a branch is reproducible from its seed alone. A grammar needs state carried
 * across steps, which only the `evaluate` generator keeps: one sampler per branch, its random
 * state advancing every step.
 */
export function createBranchStepper(
  model: NativeModel,
  sequence: LlamaContextSequence,
  settings: StepperSettings,
): BranchStepper {
  return settings.grammar
    ? createGrammarStepper(model, sequence, settings, settings.grammar)
    : createControlledStepper(sequence, settings);
}

function createControlledStepper(
  sequence: LlamaContextSequence,
  settings: StepperSettings,
): BranchStepper {
  let previous = settings.firstToken as Token;
  let stepIndex = 0;
  return {
    async step() {
      const options = {
        temperature: settings.temperature,
        ...neutral,
        seed: mixSeed(settings.seed, stepIndex++),
      };
      const [output] = await sequence.controlledEvaluate([
        [previous, { generateNext: { token: true, confidence: settings.confidence, options } }],
      ]);
      const token = output?.next.token;
      if (token === undefined || token === null) return undefined;
      previous = token;
      return {
        token,
        ...(output?.next.confidence === undefined ? {} : { confidence: output.next.confidence }),
      };
    },
    async close() {},
  };
}

function createGrammarStepper(
  model: NativeModel,
  sequence: LlamaContextSequence,
  settings: StepperSettings,
  grammar: LlamaGrammar,
): BranchStepper {
  const iterator = sequence.evaluateWithMetadata(
    [settings.firstToken as Token],
    { confidence: settings.confidence },
    {
      temperature: settings.temperature,
      ...neutral,
      seed: settings.seed,
      yieldEogToken: true,
      grammarEvaluationState: new LlamaGrammarEvaluationState({ model, grammar }),
    },
  );
  return {
    async step() {
      const result = await iterator.next();
      if (result.done) return undefined;
      const { token, confidence } = result.value as { token: number; confidence?: number };
      return { token, ...(confidence === undefined ? {} : { confidence }) };
    },
    async close() {
      await iterator.return();
    },
  };
}

/** A 32-bit seed for step `step` of the branch seeded `seed` (splitmix-style mixing). */
export function mixSeed(seed: number, step: number): number {
  let value = (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(step + 1, 0x85ebca6b)) >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x7feb352d) >>> 0;
  value = Math.imul(value ^ (value >>> 15), 0x846ca68b) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}
