import type { GgufTensorShape } from "../gguf-header.js";
import { type LlamaVocabulary, SPACE_MARK, TOKEN_TYPE } from "../llama-vocabulary.js";
import { createSeededWeights } from "../seeded-weights.js";
import { ENGLISH_WORDS } from "./english-pieces.js";

/** Logit offsets by kind of token; see {@link createSyntheticWeights}. */
export interface TokenBiases {
  /** Never to be generated: `<unk>`, `<s>`, byte tokens, control tokens other than eos. @default -30 */
  readonly never: number;
  /** The end-of-sequence token: rare, so generations usually run to their token limit. @default -5 */
  readonly eos: number;
  /** Digits, numbers and symbols, so arithmetic shows up now and then. @default -5 */
  readonly symbol: number;
  /** Single letters and word fragments. @default -9 */
  readonly fragment: number;
}

const DEFAULT_BIASES: TokenBiases = { never: -30, eos: -5, symbol: -5, fragment: -9 };

/**
 * Seeded random weights with a per-token logit offset, so random text is varied word salad that
 * favours frequent words, not a stream of byte tokens or an early end. llama has no bias
 * tensors: embedding component 0 is fixed at 1 for every token, it survives to the final norm
 * through the residual stream (no block writes into it, or the offsets would drown in noise),
 * and output component 0 of each token carries that token's offset.
 */
export function createSyntheticWeights(
  seed: number,
  vocabulary: LlamaVocabulary,
  biases: Partial<TokenBiases> = {},
): (tensor: GgufTensorShape) => Float32Array {
  const seeded = createSeededWeights(seed, { logitSpread: 2 });
  const offsets = computeTokenOffsets(vocabulary, { ...DEFAULT_BIASES, ...biases });
  return (tensor) => {
    const values = seeded(tensor);
    const width = tensor.dims[0] ?? 1;
    if (tensor.name === "token_embd.weight") {
      for (let id = 0; id < offsets.length; id += 1) values[id * width] = 1;
    } else if (tensor.name === "output.weight") {
      for (let id = 0; id < offsets.length; id += 1) values[id * width] = offsets[id] as number;
    } else if (
      tensor.name.endsWith("attn_output.weight") ||
      tensor.name.endsWith("ffn_down.weight")
    ) {
      values.fill(0, 0, width);
    }
    return values;
  };
}

/** Zipf-like offsets: the word of frequency rank r gets -ln(r + 1); see {@link TokenBiases}. */
export function computeTokenOffsets(
  vocabulary: LlamaVocabulary,
  biases: TokenBiases,
): Float32Array {
  const wordRanks = new Map(ENGLISH_WORDS.map((word, rank) => [`${SPACE_MARK}${word}`, rank]));
  const offsets = new Float32Array(vocabulary.tokens.length);
  vocabulary.tokens.forEach((token, id) => {
    const rank = wordRanks.get(token);
    const bare = token.replace(SPACE_MARK, "");
    if (id === vocabulary.eosId) offsets[id] = biases.eos;
    else if (vocabulary.types[id] !== TOKEN_TYPE.normal) offsets[id] = biases.never;
    else if (rank !== undefined) offsets[id] = -Math.log(rank + 1);
    else if (/^[\d\p{P}\p{S}]+$/u.test(bare)) offsets[id] = biases.symbol;
    else offsets[id] = biases.fragment;
  });
  return offsets;
}
