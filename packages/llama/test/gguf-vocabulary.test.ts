import { describe, expect, it } from "vitest";
import { buildLlamaVocabulary, TOKEN_TYPE } from "../src/gguf/llama-vocabulary.js";

describe("buildLlamaVocabulary", () => {
  const vocabulary = buildLlamaVocabulary({
    pieces: [" the", " then", "+"],
    controlTokens: ["<|im_start|>", "<|im_end|>"],
    eos: "<|im_end|>",
  });

  it("starts like llama2: <unk>, <s>, </s>, then the 256 byte tokens", () => {
    expect(vocabulary.tokens.slice(0, 4)).toEqual(["<unk>", "<s>", "</s>", "<0x00>"]);
    expect(vocabulary.tokens[258]).toBe("<0xFF>");
    expect(vocabulary.types.slice(0, 4)).toEqual([
      TOKEN_TYPE.unknown,
      TOKEN_TYPE.control,
      TOKEN_TYPE.control,
      TOKEN_TYPE.byte,
    ]);
    expect([vocabulary.unknownId, vocabulary.bosId]).toEqual([0, 1]);
  });

  it("puts control tokens after the bytes and makes the chosen one eos", () => {
    expect(vocabulary.tokens.slice(259, 261)).toEqual(["<|im_start|>", "<|im_end|>"]);
    expect(vocabulary.eosId).toBe(260);
    expect(vocabulary.types[260]).toBe(TOKEN_TYPE.control);
  });

  it("adds every prefix of a piece once, spaces as ▁, longer pieces scoring higher", () => {
    expect(vocabulary.tokens.slice(261)).toEqual(["▁", "▁t", "▁th", "▁the", "▁then", "+"]);
    const score = (piece: string) =>
      vocabulary.scores[vocabulary.ids.get(piece) ?? -1] ?? Number.NaN;
    expect(score("▁then")).toBeGreaterThan(score("▁the"));
    expect(new Set(vocabulary.tokens).size).toBe(vocabulary.tokens.length);
  });

  it("rejects an eos that is not a control token, naming what came", () => {
    expect(() => buildLlamaVocabulary({ pieces: [" a"], eos: " a" })).toThrow(/`eos`.*got " a"/);
  });
});
