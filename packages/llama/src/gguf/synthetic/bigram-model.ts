import { LlamaError } from "../../errors.js";
import type { GgufTensorShape } from "../gguf-header.js";
import { writeLlamaModel } from "../llama-model.js";
import { buildLlamaVocabulary, type LlamaVocabulary, markSpaces } from "../llama-vocabulary.js";
import { CHATML_TEMPLATE, CHATML_TOKENS } from "./chatml-template.js";

/** Next-token probabilities: previous token → next token → probability. */
export type BigramTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** What an exact bigram model says. */
export interface BigramSpec {
  /** Text pieces, spaces as plain spaces (`" yes"`); their prefixes join the vocabulary too. */
  readonly tokens: readonly string[];
  /**
   * Rows keyed by a piece of `tokens`, `"<s>"` or `"</s>"` (or a control token of `chat`); columns
   * likewise. A row must sum to 1 (within 1e-3; it is then normalized exactly). A token without a
   * row is followed by any of `tokens`, uniformly.
   */
  readonly table: BigramTable;
  /**
   * A chat model in this format: `"chatml"` adds `<|im_start|>` and `<|im_end|>` as control tokens
   * (rows and columns of the table like any token: a model that writes a turn marker is one
   * table entry), makes `<|im_end|>` the end of sequence and stores the ChatML template.
   * @default none: a base model
   */
  readonly chat?: "chatml";
}

/** Logit standing for probability 0: exp of it underflows to exactly 0 in F32. */
const IMPOSSIBLE = -1e4;

/**
 * Writes an exact bigram model: its next-token distribution after token `a` is the table's
 * row `a`, to float precision. One-hot embeddings (width ≥ vocabulary size), all block weights
 * zero so the residual stream carries the one-hot vector through, `output_norm` = 1/√E to undo
 * RMSNorm's scaling, and `output.weight[next][prev]` = ln p.
 *
 * @example
 * ```ts
 * const { ids } = await writeBigramModel("/tmp/yes-no.gguf", {
 *   tokens: [" yes", " no"],
 *   table: { "<s>": { " yes": 0.75, " no": 0.25 } },
 * });
 * ```
 * @returns the id of every token of `tokens`, of `<s>` / `</s>` and of `chat`'s control tokens,
 *   keyed as given
 */
export async function writeBigramModel(
  path: string,
  spec: BigramSpec,
): Promise<{ ids: Record<string, number>; vocabulary: LlamaVocabulary }> {
  const chatml = spec.chat === "chatml";
  const controlTokens: readonly string[] = chatml ? CHATML_TOKENS : [];
  const vocabulary = buildLlamaVocabulary({
    pieces: spec.tokens,
    controlTokens,
    ...(chatml ? { eos: "<|im_end|>" } : {}),
  });
  const size = vocabulary.tokens.length;
  const width = Math.ceil(size / 32) * 32;
  const ids: Record<string, number> = {};
  for (const token of ["<s>", "</s>", ...controlTokens]) {
    ids[token] = vocabulary.ids.get(token) as number;
  }
  for (const token of spec.tokens) ids[token] = vocabulary.ids.get(markSpaces(token)) as number;
  const logits = buildLogits(spec, ids, size);
  const weights = (tensor: GgufTensorShape): Float32Array => {
    const values = new Float32Array(tensor.dims.reduce((product, dim) => product * dim, 1));
    if (tensor.name === "token_embd.weight") {
      for (let id = 0; id < size; id += 1) values[id * width + id] = 1;
    } else if (tensor.name === "output_norm.weight") {
      values.fill(1 / Math.sqrt(width));
    } else if (tensor.name === "output.weight") {
      for (let next = 0; next < size; next += 1) {
        for (let previous = 0; previous < size; previous += 1) {
          values[next * width + previous] = logits[previous * size + next] as number;
        }
      }
    }
    return values;
  };
  await writeLlamaModel(path, {
    vocabulary,
    // node-llama-cpp tries chat wrappers in the order their names appear in `general.name`.
    name: chatml ? "deliberate-bigram-chatml" : "deliberate-bigram",
    dims: { embedding: width, layers: 1, feedForward: 32, heads: 1, rmsEpsilon: 1e-12 },
    weights,
    ...(chatml ? { chatTemplate: CHATML_TEMPLATE } : {}),
  });
  return { ids, vocabulary };
}

/** Row-major [previous][next] logits: ln p for listed entries, {@link IMPOSSIBLE} otherwise. */
function buildLogits(spec: BigramSpec, ids: Record<string, number>, size: number): Float32Array {
  const uniform = Object.fromEntries(spec.tokens.map((token) => [token, 1 / spec.tokens.length]));
  const logits = new Float32Array(size * size).fill(IMPOSSIBLE);
  const idOf = (token: string, where: string): number => {
    const id = ids[token];
    if (id === undefined) {
      throw new LlamaError(
        "INVALID_OPTION",
        `Expected bigram ${where} to be one of \`tokens\`, "<s>", "</s>" or a control token of \`chat\`, got ${JSON.stringify(token)}`,
      );
    }
    return id;
  };
  for (const row of Object.keys(spec.table)) idOf(row, "table row");
  for (let previous = 0; previous < size; previous += 1) {
    const key = Object.keys(ids).find((token) => ids[token] === previous);
    const row = (key === undefined ? undefined : spec.table[key]) ?? uniform;
    const total = Object.values(row).reduce((sum, probability) => sum + probability, 0);
    const valid = Object.values(row).every((probability) => probability >= 0);
    if (!valid || Math.abs(total - 1) > 1e-3) {
      throw new LlamaError(
        "INVALID_OPTION",
        `Expected bigram row ${JSON.stringify(key)} to hold probabilities summing to 1, got a sum of ${total}`,
      );
    }
    for (const [next, probability] of Object.entries(row)) {
      if (probability > 0) {
        logits[previous * size + idOf(next, "table column")] = Math.log(probability / total);
      }
    }
  }
  return logits;
}
