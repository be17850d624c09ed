import type { Completion, Model, ModelRequest, ScoreOptionsRequest } from "../model/model.js";
import { countWords, measureTestUsage, shapeReply } from "./count-words.js";
import { wait } from "./wait.js";

/** One completion being scripted. */
export interface ScriptedCall {
  /** The prompt: every segment's text, joined. */
  readonly prompt: string;
  readonly request: ModelRequest;
  /** Which completion of the call (0 … n − 1). */
  readonly index: number;
  /** Calls made before this one. */
  readonly call: number;
  /** This completion's seed (`request.seed + index`). */
  readonly seed: number;
}

/** A reply rule: the first rule whose `match` fits the prompt writes the reply. */
export interface ScriptRule {
  readonly match: RegExp | string | ((prompt: string) => boolean);
  /** A fixed reply, replies cycled through by completion index, or a function of the call. */
  readonly reply: string | readonly string[] | ((call: ScriptedCall) => string);
}

/** How a scripted call misbehaves. */
export type ScriptedFault = "throw" | "hang" | "empty" | undefined;

export interface ScriptedModelOptions {
  readonly rules: readonly ScriptRule[];
  /** Reply when no rule matches. @default "" */
  readonly fallback?: string;
  /** Milliseconds each call takes (it honours its abort signal). @default 0 */
  readonly latencyMs?: number;
  /** Decides, per call, whether it throws, never answers or answers empty. */
  readonly fault?: (call: number, prompt: string) => ScriptedFault;
  /** Probabilities for {@link Model.scoreOptions}; without it the model cannot score options. */
  readonly scoreOptions?: (prompt: string, options: readonly string[]) => readonly number[];
  /** Log-probability given to every generated word. */
  readonly logprob?: number;
  /** @default "scripted" */
  readonly id?: string;
}

function matches(rule: ScriptRule, prompt: string): boolean {
  if (typeof rule.match === "string") return prompt.includes(rule.match);
  if (rule.match instanceof RegExp) return rule.match.test(prompt);
  return rule.match(prompt);
}

/**
 * A deterministic model for tests and examples: replies come from rules matched against the
 * prompt. Tokens are counted as words. Latency, faults and option scores are configurable.
 *
 * @example
 * ```ts
 * const model = createScriptedModel({
 *   rules: [
 *     { match: "Judgement:", reply: "likely" },
 *     { match: "Solve", reply: ["Step one", "Final answer: 42"] },
 *   ],
 * });
 * ```
 */
export function createScriptedModel(
  options: ScriptedModelOptions,
): Model & { readonly calls: number } {
  let calls = 0;
  const latency = options.latencyMs ?? 0;
  const model = {
    id: options.id ?? "scripted",
    get calls() {
      return calls;
    },
    async generate(request: ModelRequest) {
      const call = calls++;
      const prompt = request.segments.map((segment) => segment.text).join("");
      const fault = options.fault?.(call, prompt);
      if (fault === "hang")
        await new Promise((resolve) => request.signal?.addEventListener("abort", resolve));
      if (latency > 0) await wait(latency, request.signal);
      if (request.signal?.aborted) throw request.signal.reason;
      if (fault === "throw") throw new Error(`scripted failure on call ${call}`);
      const rule = options.rules.find((candidate) => matches(candidate, prompt));
      const n = request.n ?? 1;
      const completions: Completion[] = Array.from({ length: n }, (_, index) => {
        const seed = (request.seed ?? 0) + index;
        const context: ScriptedCall = { prompt, request, index, call, seed };
        const reply = fault === "empty" ? "" : writeReply(rule, context, options.fallback ?? "");
        const shaped = shapeReply(reply, request.stop, request.maxTokens);
        const words = countWords(shaped.text);
        return {
          ...shaped,
          ...(request.logprobs && options.logprob !== undefined
            ? { logprobs: Array(words).fill(options.logprob) }
            : {}),
        };
      });
      const texts = completions.map((completion) => completion.text);
      return { completions, usage: measureTestUsage(prompt, texts, latency) };
    },
  };
  const score = options.scoreOptions;
  if (!score) return model;
  return Object.assign(model, {
    async scoreOptions(request: ScoreOptionsRequest) {
      calls++;
      const prompt = request.segments.map((segment) => segment.text).join("");
      if (latency > 0) await wait(latency, request.signal);
      return {
        probabilities: score(prompt, request.options),
        usage: measureTestUsage(prompt, [], latency),
      };
    },
  });
}

function writeReply(rule: ScriptRule | undefined, call: ScriptedCall, fallback: string): string {
  if (!rule) return fallback;
  if (typeof rule.reply === "string") return rule.reply;
  if (typeof rule.reply === "function") return rule.reply(call);
  const replies = rule.reply as readonly string[];
  return replies[call.index % replies.length] ?? fallback;
}
