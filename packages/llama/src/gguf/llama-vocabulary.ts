import { LlamaError } from "../errors.js";

/** Token types of llama.cpp's SentencePiece vocabulary. */
export const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

/** SentencePiece's stand-in for a space inside a piece. */
export const SPACE_MARK = "\u2581";

/** A llama2-style (SentencePiece, byte fallback) vocabulary, ready for GGUF metadata. */
export interface LlamaVocabulary {
  /** Pieces as stored in the GGUF, spaces written as `▁`. */
  readonly tokens: readonly string[];
  readonly scores: readonly number[];
  readonly types: readonly number[];
  readonly unknownId: number;
  readonly bosId: number;
  readonly eosId: number;
  /** Id of each stored piece. */
  readonly ids: ReadonlyMap<string, number>;
}

/** What to put into a vocabulary besides the fixed `<unk>`, `<s>`, `</s>` and byte tokens. */
export interface LlamaVocabularyOptions {
  /**
   * Text pieces, spaces as plain spaces (`" the"`). Every prefix of a piece is added too, because
   * the tokenizer only reaches a piece by merging pairs that are themselves in the vocabulary.
   */
  readonly pieces: readonly string[];
  /** Control tokens such as `<|im_start|>`, placed right after the byte tokens. @default [] */
  readonly controlTokens?: readonly string[];
  /** The end-of-sequence token; must be `</s>` or one of `controlTokens`. @default "</s>" */
  readonly eos?: string;
}

/**
 * Builds a llama2-style vocabulary: 0 `<unk>`, 1 `<s>`, 2 `</s>`, the 256 byte tokens
 * `<0x00>`..`<0xFF>`, the control tokens, then the pieces with all their prefixes, in order of
 * first appearance. Longer pieces score higher, so the tokenizer's merges end on whole words.
 *
 * @example
 * ```ts
 * const vocabulary = buildLlamaVocabulary({ pieces: [" the", " cat", "+", "1"] });
 * vocabulary.ids.get("▁the"); // 262 or so; "▁t" and "▁th" are in it too
 * ```
 */
export function buildLlamaVocabulary(options: LlamaVocabularyOptions): LlamaVocabulary {
  const tokens: string[] = [];
  const types: number[] = [];
  const scores: number[] = [];
  const ids = new Map<string, number>();
  const add = (piece: string, type: number, score: number): void => {
    if (ids.has(piece)) return;
    ids.set(piece, tokens.length);
    tokens.push(piece);
    types.push(type);
    scores.push(score);
  };
  add("<unk>", TOKEN_TYPE.unknown, 0);
  add("<s>", TOKEN_TYPE.control, 0);
  add("</s>", TOKEN_TYPE.control, 0);
  for (let byte = 0; byte < 256; byte += 1) {
    add(`<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`, TOKEN_TYPE.byte, 0);
  }
  for (const control of options.controlTokens ?? []) add(control, TOKEN_TYPE.control, 0);
  for (const piece of options.pieces) {
    const characters = Array.from(piece.replaceAll(" ", SPACE_MARK));
    if (characters.length === 0) {
      throw new LlamaError("INVALID_OPTION", 'Expected vocabulary pieces to be non-empty, got ""');
    }
    for (let end = 1; end <= characters.length; end += 1) {
      add(characters.slice(0, end).join(""), TOKEN_TYPE.normal, end - 100);
    }
  }
  const eos = options.eos ?? "</s>";
  const eosId = ids.get(eos);
  if (eosId === undefined || types[eosId] !== TOKEN_TYPE.control) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected \`eos\` to be "</s>" or one of the control tokens, got ${JSON.stringify(eos)}`,
    );
  }
  return { tokens, scores, types, unknownId: 0, bosId: 1, eosId, ids };
}

/** Turns text into the stored form of a piece: spaces become `▁`. */
export function markSpaces(text: string): string {
  return text.replaceAll(" ", SPACE_MARK);
}
