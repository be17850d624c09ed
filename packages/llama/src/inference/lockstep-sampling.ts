import type { Completion } from "@deliberate/core";
import {
  type LlamaContextSequence,
  type LlamaGrammar,
  LlamaGrammarEvaluationState,
  type LlamaModel as NativeModel,
} from "node-llama-cpp";
import { cutTokensAt, findStop, type TokenCodec } from "./stop-strings.js";
import { asTokens } from "./token-prefix.js";

/** One branch to sample: a sequence holding the prompt but its last token, and the branch's seed. */
export interface BranchStart {
  readonly sequence: LlamaContextSequence;
  readonly seed: number;
}

export interface LockstepSettings {
  /** The prompt's last token, evaluated by every branch as its first step. */
  readonly lastPromptToken: number;
  readonly maxTokens: number;
  readonly temperature: number;
  readonly stop: readonly string[];
  readonly logprobs: boolean;
  readonly grammar?: LlamaGrammar;
  /** Drop trailing whitespace from the text (grammars whose output may end in blank lines). */
  readonly trimWhitespaceSuffix: boolean;
  readonly signal?: AbortSignal;
  readonly codec: TokenCodec;
}

interface Branch {
  readonly iterator: AsyncGenerator<{ token: number; confidence?: number }, void, void>;
  readonly tokens: number[];
  readonly logprobs: number[];
  text: string;
  finish?: Completion["finishReason"];
}

/**
 * Samples every branch one token per step, all steps awaited together, so each llama.cpp decode
 * carries one token of every live branch (a full batch) instead of whichever happened to be ready.
 * Each branch keeps its own sampler (seeded per branch; its random state advances every step) and
 * its own grammar state. Sampling is plain temperature: top-k, top-p and min-p are neutral.
 */
export async function sampleInLockstep(
  model: NativeModel,
  starts: readonly BranchStart[],
  settings: LockstepSettings,
): Promise<Completion[]> {
  const branches: Branch[] = starts.map((start) => ({
    iterator: start.sequence.evaluateWithMetadata(
      asTokens([settings.lastPromptToken]),
      { confidence: settings.logprobs },
      {
        temperature: settings.temperature,
        topK: 0,
        topP: 1,
        minP: 0,
        seed: start.seed,
        yieldEogToken: true,
        grammarEvaluationState: settings.grammar
          ? new LlamaGrammarEvaluationState({ model, grammar: settings.grammar })
          : undefined,
      },
    ) as Branch["iterator"],
    tokens: [],
    logprobs: [],
    text: "",
  }));
  try {
    let live = branches;
    while (live.length > 0) {
      if (settings.signal?.aborted) {
        for (const branch of live) branch.finish = "aborted";
        break;
      }
      const steps = await Promise.all(live.map((branch) => branch.iterator.next()));
      live.forEach((branch, index) => {
        acceptStep(
          model,
          branch,
          steps[index] as IteratorResult<{ token: number; confidence?: number }>,
          settings,
        );
      });
      live = live.filter((branch) => branch.finish === undefined);
    }
  } finally {
    await Promise.all(branches.map((branch) => branch.iterator.return()));
  }
  return branches.map((branch) => toCompletion(branch, settings));
}

function acceptStep(
  model: NativeModel,
  branch: Branch,
  step: IteratorResult<{ token: number; confidence?: number }>,
  settings: LockstepSettings,
): void {
  if (step.done || model.isEogToken(asTokens([step.value.token])[0])) {
    branch.finish = "stop";
    return;
  }
  branch.tokens.push(step.value.token);
  if (settings.logprobs) branch.logprobs.push(Math.log(step.value.confidence ?? Number.NaN));
  branch.text = settings.codec.detokenize(branch.tokens);
  if (settings.stop.length > 0 && findStop(branch.text, settings.stop) >= 0) branch.finish = "stop";
  else if (branch.tokens.length >= settings.maxTokens) branch.finish = "length";
}

function toCompletion(branch: Branch, settings: LockstepSettings): Completion {
  const finishReason = branch.finish ?? "aborted";
  const stopAt = settings.stop.length > 0 ? findStop(branch.text, settings.stop) : -1;
  const before = stopAt < 0 ? branch.text : branch.text.slice(0, stopAt);
  const cut = settings.trimWhitespaceSuffix ? before.trimEnd().length : before.length;
  if (cut === branch.text.length) {
    return {
      text: branch.text,
      tokens: branch.tokens,
      ...(settings.logprobs ? { logprobs: branch.logprobs } : {}),
      finishReason,
    };
  }
  const { tokens, kept } = cutTokensAt(branch.tokens, cut, settings.codec);
  return {
    text: branch.text.slice(0, cut),
    tokens,
    ...(settings.logprobs ? { logprobs: branch.logprobs.slice(0, kept) } : {}),
    finishReason,
  };
}
