import { rm } from "node:fs/promises";
import type { Model } from "@deliberate/core";
import type {
  ModelReply,
  ModelRequest,
  PromptSegment,
  ScoreOptionsReply,
  ScoreOptionsRequest,
} from "@deliberate/core/model";
import type { LlamaContext, LlamaModel as NativeModel } from "node-llama-cpp";
import type { LlamaDevice } from "../backend/llama-device.js";
import { LlamaError } from "../errors.js";
import type { ModelFileInfo } from "../resolve/inspect-model-file.js";
import { generateCompletions } from "./generate-completions.js";
import type { InferenceRuntime } from "./inference-runtime.js";
import {
  type MeasureTokenLogprobsOptions,
  measureTokenLogprobs,
} from "./measure-token-logprobs.js";
import { scoreOptions } from "./score-options.js";
import { asTokens } from "./token-prefix.js";

/**
 * A local GGUF model behind the core's {@link Model} seam. Created by `loadModel`; one instance
 * serves any number of concurrent requests (and searches) through its pool of sequences.
 *
 * - `generate` samples with plain temperature (top-k, top-p and min-p off); completion `i` uses
 *   `seed + i` (a random base seed when none is given). A completion's `logprobs` are the natural
 *   log-probabilities of its tokens in the distribution they were drawn from: after temperature
 *   and the constraint's mask (at temperature 0 or 1 without a constraint, the model's own).
 * - `scoreOptions` uses the model's own probabilities (no temperature); its usage counts the
 *   option tokens it evaluates as evaluated prompt tokens.
 *
 * @example
 * ```ts
 * const model = await loadModel({ model: "synthetic:tiny" });
 * const { probabilities } = await model.scoreOptions({
 *   segments: [{ text: "Is 4 4 10 solvable? Answer:", trusted: true }],
 *   options: [" sure", " likely", " impossible"],
 * });
 * await model.dispose();
 * ```
 */
export class LlamaModel implements Model {
  readonly id: string;
  /** The llama.cpp backend that runs the model: `cpu`, `cuda`, `vulkan` or `metal`. */
  readonly device: LlamaDevice;
  /** `true` when prompts go through the model's chat template. */
  readonly chat: boolean;
  /** What the GGUF header says (architecture, parameters, chat template, ...). */
  readonly file: ModelFileInfo;
  /** `true` for `synthetic:*` models: random or table weights, no knowledge. */
  readonly synthetic: boolean;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly lifetime = new AbortController();
  private disposed = false;

  /** @internal Use `loadModel`. */
  constructor(
    id: string,
    facts: {
      readonly device: LlamaDevice;
      readonly chat: boolean;
      readonly file: ModelFileInfo;
      readonly synthetic: boolean;
    },
    private readonly runtime: InferenceRuntime,
  ) {
    this.id = id;
    this.device = facts.device;
    this.chat = facts.chat;
    this.file = facts.file;
    this.synthetic = facts.synthetic;
  }

  /** The native node-llama-cpp objects, for diagnostics and benchmarks. */
  get native(): { readonly model: NativeModel; readonly context: LlamaContext } {
    return { model: this.runtime.native, context: this.runtime.context };
  }

  /** Layers llama.cpp offloaded to the GPU (0 on the CPU). */
  get gpuLayers(): number {
    return this.runtime.native.gpuLayers;
  }

  /** Context size of each sequence, in tokens. */
  get contextSize(): number {
    return this.runtime.context.contextSize;
  }

  /** Number of sequences in the pool: how many branches decode together. */
  get branches(): number {
    return this.runtime.pool.size;
  }

  generate(request: ModelRequest): Promise<ModelReply> {
    if (this.disposed) return Promise.reject(disposedError());
    return this.track(() =>
      generateCompletions(this.runtime, { ...request, signal: this.linkSignal(request.signal) }),
    );
  }

  scoreOptions(request: ScoreOptionsRequest): Promise<ScoreOptionsReply> {
    if (this.disposed) return Promise.reject(disposedError());
    return this.track(() =>
      scoreOptions(this.runtime, { ...request, signal: this.linkSignal(request.signal) }),
    );
  }

  /**
   * Natural log-probabilities of the tokens of `text`, each given the ones before it: the model's
   * own distribution, the text read as plain untrusted text (no special tokens, no template),
   * after BOS when the model wants one (else the first token is not scored). A text longer than
   * the context is scored over its tail. What the perplexity guard of `@deliberate/guards` reads.
   *
   * @example
   * ```ts
   * const logprobs = await model.measureTokenLogprobs("4 5 6 10 |");
   * const perplexity = Math.exp(-logprobs.reduce((a, b) => a + b, 0) / logprobs.length);
   * ```
   */
  measureTokenLogprobs(text: string, options: MeasureTokenLogprobsOptions = {}): Promise<number[]> {
    if (this.disposed) return Promise.reject(disposedError());
    return this.track(() =>
      measureTokenLogprobs(this.runtime, text, { signal: this.linkSignal(options.signal) }),
    );
  }

  /**
   * Token ids of `text` for this model.
   * @param special - `true` to read special-token text (like `<s>`) as those tokens; `false` by
   *   default.
   */
  tokenize(text: string, special = false): number[] {
    return [...this.runtime.tokenizer.tokenizeText(text, special, false)];
  }

  /** Text of token ids, special tokens left out. */
  detokenize(tokens: readonly number[]): string {
    return this.runtime.native.detokenize(asTokens(tokens));
  }

  /** The token ids a request with these segments would send to the model. */
  renderPrompt(segments: readonly PromptSegment[]): number[] {
    return this.runtime.render(segments);
  }

  /**
   * Stops the requests in flight (they resolve as aborted), waits for them, then frees the
   * context, the model and the scratch directory. Safe to call twice.
   */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.lifetime.abort();
    this.runtime.pool.close();
    await Promise.allSettled([...this.inFlight]);
    await this.runtime.context.dispose();
    await this.runtime.native.dispose();
    await rm(this.runtime.scratchDir, { recursive: true, force: true });
  }

  private track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private linkSignal(signal: AbortSignal | undefined): AbortSignal {
    return signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal;
  }
}

function disposedError(): LlamaError {
  return new LlamaError("GENERATION_FAILED", "Expected a loaded model, got one that is disposed.");
}
