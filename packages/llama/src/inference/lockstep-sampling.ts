import type { Completion } from "@deliberate/core/model";
import type {
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel as NativeModel,
  Token,
} from "node-llama-cpp";
import { type BranchStepper, createBranchStepper, type SampledToken } from "./branch-stepper.js";
import { cutTokensAt, findStop, type TokenCodec } from "./stop-strings.js";
import type { TextTokens } from "./text-tokens.js";

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
  /** Which ids are plain text: a branch ends before any other. */
  readonly textTokens: TextTokens;
}

interface Branch {
  readonly stepper: BranchStepper;
  readonly tokens: number[];
  readonly logprobs: number[];
  text: string;
  finish?: Completion["finishReason"];
}

/**
 * Samples every branch one token per step, all steps awaited together, so each llama.cpp decode
 * carries one token of every live branch (a full batch) instead of whichever happened to be ready.
 * Each branch has its own seed and, under a constraint, its own grammar state.
 */
export async function sampleInLockstep(
  model: NativeModel,
  starts: readonly BranchStart[],
  settings: LockstepSettings,
): Promise<Completion[]> {
  const branches: Branch[] = starts.map((start) => ({
    stepper: createBranchStepper(model, start.sequence, {
      firstToken: settings.lastPromptToken,
      temperature: settings.temperature,
      seed: start.seed,
      confidence: settings.logprobs,
      ...(settings.grammar ? { grammar: settings.grammar } : {}),
    }),
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
      const steps = await Promise.all(live.map((branch) => branch.stepper.step()));
      live.forEach((branch, index) => {
        acceptStep(model, branch, steps[index], settings);
      });
      live = live.filter((branch) => branch.finish === undefined);
    }
  } finally {
    await Promise.all(branches.map((branch) => branch.stepper.close()));
  }
  return branches.map((branch) => toCompletion(branch, settings));
}

function acceptStep(
  model: NativeModel,
  branch: Branch,
  step: SampledToken | undefined,
  settings: LockstepSettings,
): void {
  // A thought ends at end of generation and at any other token that is not text: a control token
  // the model writes (`<|im_start|>` on a chat model) would be replayed with the thought into
  // every later prompt as a real turn marker. It is left out of the tokens and the text.
  if (
    step === undefined ||
    model.isEogToken(step.token as Token) ||
    !settings.textTokens.isText(step.token)
  ) {
    branch.finish = "stop";
    return;
  }
  branch.tokens.push(step.token);
  if (settings.logprobs) branch.logprobs.push(Math.log(step.confidence ?? Number.NaN));
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
