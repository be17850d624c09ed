import { randomInt } from "node:crypto";
import type { Completion, ModelReply, ModelRequest } from "@deliberate/core/model";
import { LlamaText } from "node-llama-cpp";
import { LlamaError } from "../errors.js";
import { createContextOverflowError } from "./context-overflow.js";
import { createTokenCodec, type InferenceRuntime } from "./inference-runtime.js";
import { sampleInLockstep } from "./lockstep-sampling.js";
import { prepareBranches } from "./prepare-branches.js";
import { checkRequest } from "./request-checks.js";
import { UsageMeter } from "./usage-meter.js";

const abortedCompletion: Completion = Object.freeze({
  text: "",
  tokens: [],
  finishReason: "aborted",
});

/**
 * Answers one request: renders the prompt, takes sequences from the pool (best prefix first),
 * prepares them (prefix reuse, forks) and samples the branches in lockstep. With more branches
 * than free sequences it runs in waves, each wave reusing what the previous one left.
 */
export async function generateCompletions(
  runtime: InferenceRuntime,
  request: ModelRequest,
): Promise<ModelReply> {
  const meter = new UsageMeter();
  const { n, temperature } = checkRequest(request);
  const tokens = runtime.render(request.segments);
  checkPromptFits(runtime, tokens.length, request.maxTokens);
  meter.promptTokens = tokens.length;
  const grammar = request.constraint ? await runtime.grammars.get(request.constraint) : undefined;
  // JSON grammars may go on with blank lines forever: they name the text that ends them.
  const grammarStops = (grammar?.stopGenerationTriggers ?? []).map((trigger) =>
    LlamaText(trigger).toString(),
  );
  const prefix = tokens.slice(0, -1);
  const lastPromptToken = tokens[tokens.length - 1] as number;
  const seedBase = request.seed ?? randomInt(2 ** 31);
  const completions: Completion[] = [];
  while (completions.length < n) {
    const slots = await runtime.pool.acquire(prefix, n - completions.length, request.signal);
    if (!slots) {
      if (request.signal?.aborted) break;
      throw new LlamaError(
        "GENERATION_FAILED",
        "Expected a loaded model, got one that is disposed.",
      );
    }
    try {
      const ready = await prepareBranches(runtime, slots, prefix, meter, request.signal);
      if (!ready || request.maxTokens === 0) {
        const finish: Completion = ready
          ? { text: "", tokens: [], finishReason: "length" }
          : abortedCompletion;
        for (const _ of slots) completions.push(finish);
        if (!ready) break;
        continue;
      }
      meter.evaluatedPromptTokens += slots.length;
      const wave = await sampleInLockstep(
        runtime.native,
        slots.map((slot, index) => ({
          sequence: slot.sequence,
          seed: seedBase + completions.length + index,
        })),
        {
          lastPromptToken,
          maxTokens: request.maxTokens,
          temperature,
          stop: [...(request.stop ?? []), ...grammarStops],
          trimWhitespaceSuffix: grammar?.trimWhitespaceSuffix ?? false,
          logprobs: request.logprobs === true,
          grammar,
          signal: request.signal,
          codec: createTokenCodec(runtime.native, tokens),
          textTokens: runtime.tokenizer.textTokens,
        },
      );
      for (const completion of wave) meter.generatedTokens += completion.tokens?.length ?? 0;
      for (const completion of wave) completions.push(completion);
    } finally {
      runtime.pool.release(slots);
    }
  }
  while (completions.length < n) completions.push(abortedCompletion);
  return { completions, usage: meter.finish() };
}

function checkPromptFits(runtime: InferenceRuntime, promptTokens: number, maxTokens: number): void {
  if (promptTokens === 0) {
    throw new LlamaError(
      "INVALID_OPTION",
      "Expected a prompt of at least one token, got an empty prompt.",
    );
  }
  if (promptTokens + maxTokens > runtime.context.contextSize) {
    throw createContextOverflowError(runtime, promptTokens, {
      tokens: maxTokens,
      for: "generation (`maxTokens`)",
    });
  }
}
