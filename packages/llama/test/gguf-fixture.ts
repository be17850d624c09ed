import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll } from "vitest";
import { ggufValue } from "../src/gguf/gguf-value.js";
import { type LlamaModelSpec, writeLlamaModel } from "../src/gguf/llama-model.js";
import { buildLlamaVocabulary } from "../src/gguf/llama-vocabulary.js";
import { createSeededWeights } from "../src/gguf/seeded-weights.js";
import { writeGguf } from "../src/gguf/write-gguf.js";

/** A fresh temporary folder; remove it with the returned function. */
export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "deliberate-llama-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The llama.cpp binding as tests must load it: prebuilt CPU binary, no more threads than cores
 * (the default of 4 on a 2-core machine runs 50–100× slower).
 */
export function loadTestLlama(): Promise<Llama> {
  return getLlama({ gpu: false, build: "never", maxThreads: availableParallelism() });
}

/**
 * Loads llama.cpp and makes a scratch folder for the tests of one `describe` block, both ready in
 * its tests and freed after them.
 */
export function useLlamaWorkspace(): { readonly llama: Llama; readonly dir: string } {
  const workspace = {} as { llama: Llama; dir: string; remove: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(workspace, await makeTempDir());
    workspace.llama = await loadTestLlama();
  });
  afterAll(async () => {
    await workspace.llama?.dispose();
    await workspace.remove?.();
  });
  return workspace;
}

/** A small llama model spec (E32, one layer) for tests that need a loadable file quickly. */
export function describeSmallModel(overrides: Partial<LlamaModelSpec> = {}): LlamaModelSpec {
  return {
    vocabulary: buildLlamaVocabulary({ pieces: [" hello", " world", "1", "+"] }),
    dims: { embedding: 32, layers: 1, feedForward: 64, heads: 2 },
    weights: createSeededWeights(1),
    ...overrides,
  };
}

/** Writes a small loadable llama model and returns its path. */
export async function writeSmallModel(
  dir: string,
  name: string,
  overrides: Partial<LlamaModelSpec> = {},
): Promise<string> {
  const path = join(dir, name);
  await writeLlamaModel(path, describeSmallModel(overrides));
  return path;
}

/** Writes a header-only GGUF with the given architecture and no tensors. */
export async function writeHeaderOnly(
  dir: string,
  name: string,
  architecture: string,
): Promise<string> {
  const path = join(dir, name);
  await writeGguf(path, {
    metadata: { "general.architecture": ggufValue.string(architecture) },
    tensors: [],
  });
  return path;
}
