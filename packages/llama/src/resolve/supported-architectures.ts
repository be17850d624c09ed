import * as nodeLlamaCpp from "node-llama-cpp";

// A `const enum` in the typings (unusable under verbatimModuleSyntax), a plain object at runtime.
const { GgufArchitectureType } = nodeLlamaCpp as unknown as {
  GgufArchitectureType: Record<string, string>;
};

/**
 * Architectures llama.cpp knows but that cannot generate text: encoders, embedders, vision and
 * audio parts. A GGUF of one of these loads, then fails on the first decode.
 */
const NOT_GENERATIVE = new Set([
  "bert",
  "modern-bert",
  "nomic-bert",
  "nomic-bert-moe",
  "neo-bert",
  "jina-bert-v2",
  "jina-bert-v3",
  "eurobert",
  "t5encoder",
  "gemma-embedding",
  "llama-embed",
  "wavtokenizer-dec",
  "clip",
  "(unknown)",
]);

/** Text-generation architectures of the llama.cpp that node-llama-cpp ships, sorted. */
export function listSupportedArchitectures(): string[] {
  return Object.values(GgufArchitectureType)
    .filter((architecture) => !NOT_GENERATIVE.has(architecture))
    .sort();
}

/** Tells whether llama.cpp can generate text with a model of this architecture. */
export function isSupportedArchitecture(architecture: string): boolean {
  return listSupportedArchitectures().includes(architecture);
}
