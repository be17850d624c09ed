import type { PromptSegment } from "@deliberate/core/model";
import {
  type ChatHistoryItem,
  type ChatWrapper,
  LlamaText,
  type LlamaModel as NativeModel,
  SpecialToken,
  SpecialTokensText,
} from "node-llama-cpp";
import type { SegmentTokenizer } from "./segment-tokenizer.js";

const marker = /\u2060\u2063(\d+)\u2063\u2060/g;

function markSegment(index: number): string {
  return `\u2060\u2063${index}\u2063\u2060`;
}

/**
 * A chat-tuned model reads the segments through its own chat template: consecutive segments of one
 * role make one message, and the reply opens an assistant turn (a trailing assistant segment is
 * continued, not closed). The template is rendered with a marker in place of each segment, and
 * each marker is replaced by that segment's own tokens: generated tokens stay as they are, and
 * untrusted text never passes through the template's special-token parsing.
 */
export function renderChatPrompt(
  model: NativeModel,
  wrapper: ChatWrapper,
  tokenizer: SegmentTokenizer,
  segments: readonly PromptSegment[],
): number[] {
  const { contextText } = wrapper.generateContextState({ chatHistory: buildHistory(segments) });
  const tokens: number[] = [];
  for (const value of LlamaText(contextText).values) {
    if (value instanceof SpecialToken) append(value.tokenize(model.tokenizer));
    else if (value instanceof SpecialTokensText) pushPieces(value.value, true);
    else pushPieces(value, false);
  }
  return tokens;

  function pushPieces(text: string, special: boolean): void {
    let last = 0;
    for (const match of text.matchAll(marker)) {
      pushTemplateText(text.slice(last, match.index), special);
      const segment = segments[Number(match[1])] as PromptSegment;
      append(tokenizer.tokenize(segment, tokens.length > 0));
      last = (match.index ?? 0) + match[0].length;
    }
    pushTemplateText(text.slice(last), special);
  }

  function pushTemplateText(text: string, special: boolean): void {
    append(tokenizer.tokenizeText(text, special, tokens.length > 0));
  }

  // One push per token: spreading a long segment's tokens into push() overflows the stack.
  function append(more: readonly number[]): void {
    for (const token of more) tokens.push(token);
  }
}

function buildHistory(segments: readonly PromptSegment[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  let role: PromptSegment["role"] | undefined;
  segments.forEach((segment, index) => {
    const segmentRole = segment.role ?? "user";
    const text = markSegment(index);
    const last = history[history.length - 1];
    if (last && segmentRole === role) {
      if (last.type === "model") last.response[0] = `${last.response[0] as string}${text}`;
      else last.text += text;
      return;
    }
    role = segmentRole;
    if (segmentRole === "assistant") history.push({ type: "model", response: [text] });
    else history.push({ type: segmentRole, text });
  });
  if (role !== "assistant") history.push({ type: "model", response: [] });
  return history;
}
