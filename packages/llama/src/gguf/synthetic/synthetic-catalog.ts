import { type LlamaDims, writeLlamaModel } from "../llama-model.js";
import { buildLlamaVocabulary } from "../llama-vocabulary.js";
import { type BigramSpec, writeBigramModel } from "./bigram-model.js";
import { CHATML_TEMPLATE, CHATML_TOKENS } from "./chatml-template.js";
import { listEnglishPieces } from "./english-pieces.js";
import { createSyntheticWeights } from "./synthetic-weights.js";

/**
 * Version of the generators. Bump it whenever a model's bytes change, so caches holding the old
 * files are not reused (the file name carries it); a test pins the bytes by sha256.
 */
export const SYNTHETIC_GENERATION = 2;

/** One model the project writes itself. */
export interface SyntheticModel {
  readonly name: string;
  readonly description: string;
  /** Writes the model to `path` (atomically). */
  readonly write: (path: string) => Promise<unknown>;
}

/** Sizes of `synthetic:tiny` and `synthetic:tiny-chat`: about 0.24M parameters. */
export const TINY_DIMS: LlamaDims = { embedding: 64, layers: 2, feedForward: 128, heads: 4 };

/** Sizes of `synthetic:bench`: about 34M parameters, matrices in F16. */
export const BENCH_DIMS: LlamaDims = { embedding: 512, layers: 8, feedForward: 2048, heads: 8 };

/**
 * The table of `synthetic:bigram`: a short yes/no answer after `<s>`, and a four-word grammar
 * ("the cat sat.") with known branching, for tests of probabilities, sampling and scoring.
 */
export const DEFAULT_BIGRAM: BigramSpec = {
  tokens: [" yes", " no", " the", " cat", " dog", " sat", " ran", "."],
  table: {
    "<s>": { " yes": 0.75, " no": 0.25 },
    " yes": { " the": 0.5, "</s>": 0.5 },
    " no": { " the": 0.2, "</s>": 0.8 },
    " the": { " cat": 0.6, " dog": 0.4 },
    " cat": { " sat": 0.7, " ran": 0.3 },
    " dog": { " sat": 0.1, " ran": 0.9 },
    " sat": { ".": 1 },
    " ran": { ".": 1 },
    ".": { " the": 0.5, "</s>": 0.5 },
  },
};

const SEED = 20260401;

function writeEnglishModel(path: string, variant: "base" | "chat" | "bench"): Promise<unknown> {
  const chat = variant === "chat";
  const vocabulary = buildLlamaVocabulary({
    pieces: listEnglishPieces(),
    controlTokens: chat ? CHATML_TOKENS : [],
    eos: chat ? "<|im_end|>" : "</s>",
  });
  return writeLlamaModel(path, {
    vocabulary,
    // node-llama-cpp tries chat wrappers in the order their names appear in `general.name`:
    // naming ChatML makes it try that one first (0.1 s instead of seconds).
    name: `deliberate-synthetic-${chat ? "chatml" : variant}`,
    dims: variant === "bench" ? BENCH_DIMS : TINY_DIMS,
    matrixType: variant === "bench" ? "f16" : "f32",
    weights: createSyntheticWeights(SEED, vocabulary, chat ? { eos: -3 } : {}),
    ...(chat ? { chatTemplate: CHATML_TEMPLATE } : {}),
  });
}

/** Every `synthetic:<name>` model, by name. */
export const SYNTHETIC_MODELS: Readonly<Record<string, SyntheticModel>> = {
  tiny: {
    name: "tiny",
    description: "random llama, E64 L2, F32, ~0.24M parameters, English word vocabulary",
    write: (path) => writeEnglishModel(path, "base"),
  },
  "tiny-chat": {
    name: "tiny-chat",
    description: "synthetic:tiny with ChatML control tokens and chat template",
    write: (path) => writeEnglishModel(path, "chat"),
  },
  bench: {
    name: "bench",
    description: "random llama, E512 L8 F2048, F16 matrices, ~34M parameters",
    write: (path) => writeEnglishModel(path, "bench"),
  },
  bigram: {
    name: "bigram",
    description: "exact bigram model: next-token probabilities equal DEFAULT_BIGRAM's table",
    write: (path) => writeBigramModel(path, DEFAULT_BIGRAM),
  },
};
