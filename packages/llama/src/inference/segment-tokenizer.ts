import type { PromptSegment } from "@deliberate/core/model";
import type { LlamaModel as NativeModel } from "node-llama-cpp";
import { TextTokens } from "./text-tokens.js";

const cacheLimit = 4096;

/**
 * Tokenizes prompt segments for one model. A segment that carries `tokens` is used as it is (text
 * the model generated: tokenizing it again can give other ids and break prefix reuse) as long as
 * every id is plain text; untrusted text is tokenized without special tokens so it can never forge
 * a turn or an end of sequence. Results are cached, because the same path segments come back in
 * every child's prompt.
 */
export class SegmentTokenizer {
  private readonly cache = new Map<string, readonly number[]>();
  /** Which ids are plain text; generation ends a thought at any other. */
  readonly textTokens: TextTokens;

  constructor(private readonly model: NativeModel) {
    this.textTokens = new TextTokens(model);
  }

  /**
   * @param continuing `true` when the text follows other text: no leading space is added.
   */
  tokenize(segment: PromptSegment, continuing: boolean): readonly number[] {
    const trusted = segment.trusted === true;
    // Untrusted ids that are not plain text (a control token, an id of another vocabulary) come
    // from elsewhere than this model's text: a tree file edited or made for another model, a
    // model that forged a turn. Their text, read as plain text, stands in for them.
    if (segment.tokens && (trusted || this.textTokens.areText(segment.tokens))) {
      return segment.tokens;
    }
    return this.tokenizeText(segment.text, trusted, continuing);
  }

  tokenizeText(text: string, special: boolean, continuing: boolean): readonly number[] {
    if (text.length === 0) return [];
    const key = `${special ? 1 : 0}${continuing ? 1 : 0}${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    // node-llama-cpp's special-token path trims a leading space differently from the plain one:
    // take it only when the text really holds special-token text, so both spell text alike.
    const parseSpecial = special && this.holdsSpecialTokens(text);
    const tokens = continuing
      ? this.model.tokenize(text, parseSpecial, "trimLeadingSpace")
      : this.model.tokenize(text, parseSpecial);
    if (this.cache.size >= cacheLimit) this.cache.clear();
    this.cache.set(key, tokens);
    return tokens;
  }

  private holdsSpecialTokens(text: string): boolean {
    const plain = this.model.tokenize(text, false);
    const special = this.model.tokenize(text, true);
    return (
      plain.length !== special.length || plain.some((token, index) => token !== special[index])
    );
  }
}
