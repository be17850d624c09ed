import { mkdir, mkdtemp } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { getLlama, type Llama, LlamaLogLevel, resolveChatWrapper } from "node-llama-cpp";
import { LlamaError } from "./errors.js";
import { renderBasePrompt } from "./inference/base-prompt.js";
import { renderChatPrompt } from "./inference/chat-prompt.js";
import { GrammarCache } from "./inference/constraint-grammar.js";
import type { InferenceRuntime } from "./inference/inference-runtime.js";
import { LlamaModel } from "./inference/llama-model.js";
import { checkLoadOptions, type LoadModelOptions } from "./inference/load-options.js";
import { PromptChunker } from "./inference/prompt-evaluation.js";
import { SegmentTokenizer } from "./inference/segment-tokenizer.js";
import { SequencePool } from "./inference/sequence-pool.js";
import { inspectModelFile } from "./resolve/inspect-model-file.js";
import { resolveModelSource } from "./resolve/resolve-model-source.js";

export type { LoadModelOptions } from "./inference/load-options.js";

let sharedLlama: Promise<Llama> | undefined;

/**
 * The llama.cpp binding, loaded once per process: CPU only, the prebuilt binary (never a build or
 * a download), and no more worker threads than cores (node-llama-cpp's default of 4 on a 2-core
 * machine runs 50–100× slower).
 */
export function loadLlama(logLevel?: LlamaLogLevel): Promise<Llama> {
  sharedLlama ??= getLlama({
    gpu: false,
    build: "never",
    maxThreads: availableParallelism(),
    ...(logLevel ? { logLevel } : {}),
  }).catch((error: unknown) => {
    sharedLlama = undefined;
    throw new LlamaError(
      "LOAD_FAILED",
      `Expected the prebuilt llama.cpp binary to load, got: ${String(error)}`,
      {
        cause: error,
      },
    );
  });
  return sharedLlama;
}

/**
 * Loads a GGUF model as a core `Model` with a pool of `branches` context sequences: prefix reuse,
 * forked siblings, lockstep batched sampling, grammars, log-probabilities and abort.
 *
 * @example
 * ```ts
 * const model = await loadModel({ model: "./models/tiny.gguf", branches: 4 });
 * try {
 *   const reply = await model.generate({ segments: [{ text: "Once upon a time" }], maxTokens: 24, n: 4 });
 *   for (const completion of reply.completions) console.log(completion.text);
 * } finally {
 *   await model.dispose();
 * }
 * ```
 */
export async function loadModel(options: LoadModelOptions): Promise<LlamaModel> {
  const checked = checkLoadOptions(options);
  const source = await resolveModelSource(checked.model, {
    ...(checked.cacheDir === undefined ? {} : { cacheDir: checked.cacheDir }),
    ...(checked.signal === undefined ? {} : { signal: checked.signal }),
    ...(checked.onDownloadProgress === undefined ? {} : { onProgress: checked.onDownloadProgress }),
  });
  // A pure-JS look at the header first: llama.cpp aborts the whole process on some bad files.
  const file = await inspectModelFile(source.path);
  const path = source.path;
  const llama = await loadLlama(checked.logLevel ?? LlamaLogLevel.error);
  const native = await llama
    .loadModel({ modelPath: path, gpuLayers: 0, loadSignal: checked.signal })
    .catch((error: unknown) => {
      throw new LlamaError(
        "LOAD_FAILED",
        `Expected llama.cpp to load ${path}, got: ${String(error)}`,
        { cause: error },
      );
    });
  try {
    const context = await native.createContext({
      sequences: checked.branches,
      contextSize: Math.min(checked.contextSize ?? 2048, native.trainContextSize),
      threads: checked.threads,
      createSignal: checked.signal,
    });
    const scratchRoot = join(checked.cacheDir ?? tmpdir(), "scratch");
    await mkdir(scratchRoot, { recursive: true });
    const tokenizer = new SegmentTokenizer(native);
    const chat = checked.chat === "auto" ? file.chatTemplate !== undefined : checked.chat;
    const wrapper = chat ? resolveChatWrapper(native) : undefined;
    const runtime: InferenceRuntime = {
      native,
      context,
      pool: new SequencePool(Array.from({ length: checked.branches }, () => context.getSequence())),
      tokenizer,
      grammars: new GrammarCache(llama),
      render: wrapper
        ? (segments) => renderChatPrompt(native, wrapper, tokenizer, segments)
        : (segments) => renderBasePrompt(native, tokenizer, segments),
      scratchDir: await mkdtemp(join(scratchRoot, "forks-")),
      promptChunker: new PromptChunker(checked.promptChunkMs, checked.maxPromptChunk),
      forkThreshold: checked.forkThreshold,
    };
    return new LlamaModel(
      `llama:${basename(path)}`,
      { chat, file, synthetic: source.synthetic },
      runtime,
    );
  } catch (error) {
    await native.dispose();
    if (error instanceof LlamaError) throw error;
    throw new LlamaError("LOAD_FAILED", `Expected a context for ${path}, got: ${String(error)}`, {
      cause: error,
    });
  }
}
