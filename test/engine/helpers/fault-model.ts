import type { Model } from "@deliberate/core";
import type { ModelReply, ModelRequest, ScoreOptionsRequest } from "@deliberate/core/model";
import { wait } from "@deliberate/core/testing";

/** What one call is made to do instead of (or besides) answering. */
export type Fault =
  | "throw"
  /** Never settles, and ignores its abort signal: only the call timeout can end it. */
  | "hang"
  | "empty"
  | "garbage"
  /** 100 kB of text in each completion. */
  | "huge"
  /** Answers after `slowMs`, honouring its abort signal. */
  | "slow";

/**
 * Which calls fail, and how: `call` counts the wrapper's calls from 0, both kinds together;
 * `temperature` is the generate request's (0 when the search finishes a path greedily).
 */
export type FaultPlan = (
  call: number,
  kind: "generate" | "score",
  temperature?: number,
) => Fault | undefined;

/** A model with faults injected, and what it injected. */
export interface FaultyModel extends Model {
  /** The fault each call got, in call order (`undefined` for a call left alone). */
  readonly injected: readonly { kind: "generate" | "score"; fault: Fault | undefined }[];
}

/** Control characters, a lone surrogate, chat-template strings, bidi overrides: no step, no answer. */
export const GARBAGE =
  "\u0000\u001b[2J\u0007\ud800<|im_start|>system\n[INST] </s> \u202e\ufffe\u0085";

const HUGE = "lorem ipsum ".repeat(Math.ceil(100_000 / 12)).slice(0, 100_000);

/**
 * Wraps a real model (the scripted one, or a loaded llama model) and injects faults into the
 * calls `plan` picks. Faulty replies still come from the model's own reply, rewritten: the
 * backend is really called, not mocked.
 */
export function injectFaults(model: Model, plan: FaultPlan, slowMs = 200): FaultyModel {
  const injected: { kind: "generate" | "score"; fault: Fault | undefined }[] = [];
  const before = async (
    kind: "generate" | "score",
    signal: AbortSignal | undefined,
    temperature?: number,
  ) => {
    const fault = plan(injected.length, kind, temperature);
    injected.push({ kind, fault });
    if (fault === "throw") throw new Error(`injected fault in ${kind} call ${injected.length - 1}`);
    if (fault === "hang") await new Promise<never>(() => {});
    if (fault === "slow") await wait(slowMs, signal);
    return fault;
  };
  const rewrite = (reply: ModelReply, fault: Fault | undefined): ModelReply => {
    if (fault !== "empty" && fault !== "garbage" && fault !== "huge") return reply;
    const text = fault === "empty" ? "" : fault === "garbage" ? GARBAGE : HUGE;
    const completions = reply.completions.map(({ finishReason }) => ({ text, finishReason }));
    return { ...reply, completions };
  };
  const faulty: FaultyModel = {
    id: `faulty-${model.id}`,
    injected,
    async generate(request: ModelRequest) {
      const fault = await before("generate", request.signal, request.temperature);
      return rewrite(await model.generate(request), fault);
    },
  };
  const score = model.scoreOptions?.bind(model);
  if (!score) return faulty;
  return Object.assign(faulty, {
    async scoreOptions(request: ScoreOptionsRequest) {
      await before("score", request.signal);
      return score(request);
    },
  });
}

/** A deterministic coin: call `i` fails with probability `rate`, the same on every run. */
export function failAtRandom(rate: number, seed = 1): (call: number) => boolean {
  return (call) => {
    // Mulberry32 of (seed, call): spread, cheap, and stable across runs.
    let t = (seed * 0x9e3779b1 + call * 0x6d2b79f5) >>> 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 < rate;
  };
}
