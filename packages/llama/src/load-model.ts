import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { LlamaLogLevel, resolveChatWrapper } from "node-llama-cpp";
import { chooseDeviceSettings } from "./backend/device-settings.js";
import { toLlamaDevice } from "./backend/llama-device.js";
import { loadLlama } from "./backend/load-llama.js";
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

/**
 * Loads a GGUF model as a core `Model` with a pool of `branches` context sequences: prefix reuse,
 * forked siblings, lockstep batched sampling, grammars, log-probabilities and abort. It runs on
 * the backend `gpu` chooses (node-llama-cpp's detection by default); `model.device` says which.
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
  const file = await inspectModelFile(
    source.path,
    checked.signal === undefined ? {} : { signal: checked.signal },
  );
  const path = source.path;
  const llama = await loadLlama({
    gpu: checked.gpu,
    logLevel: checked.logLevel ?? LlamaLogLevel.error,
  });
  const device = toLlamaDevice(llama.gpu);
  const settings = chooseDeviceSettings(device, checked);
  const native = await llama
    .loadModel({ modelPath: path, gpuLayers: settings.gpuLayers, loadSignal: checked.signal })
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
      ...(settings.threads === undefined ? {} : { threads: settings.threads }),
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
      nameModel(checked.model, source.kind, path),
      { device, chat, file, synthetic: source.synthetic },
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

/**
 * The model's id in logs, results and saved trees: a built-in or synthetic model by the name the
 * caller gave (`builtin:tiny-reasoner`, as the CLI and `deliberate models` say it), any other by
 * its file (`llama:model.gguf`).
 */
function nameModel(
  model: string,
  kind: "file" | "synthetic" | "download" | "builtin",
  path: string,
): string {
  return kind === "builtin" || kind === "synthetic" ? model.trim() : `llama:${basename(path)}`;
}
