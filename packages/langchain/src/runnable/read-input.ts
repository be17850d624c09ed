import type { ThinkInput } from "@deliberate/core";
import { describeValue } from "@deliberate/core/options";
import { type BaseMessage, getBufferString, isBaseMessage } from "@langchain/core/messages";
import { BasePromptValue } from "@langchain/core/prompt_values";
import { DeliberateLangChainError } from "../errors.js";
import { readText } from "../model/read-usage.js";

/**
 * What a {@link DeliberateRunnable} thinks about: a question, a task of deliberate's, what a
 * LangChain prompt template gives (a prompt value), chat messages, or `{ question }`.
 */
export type DeliberateInput =
  | ThinkInput
  | BasePromptValue
  | BaseMessage
  | readonly BaseMessage[]
  | { readonly question: string };

/** A conversation as one question: a lone message is its text, several a transcript. */
function formatQuestion(messages: readonly BaseMessage[]): string {
  const [only] = messages;
  if (messages.length === 1 && only) return readText(only);
  return getBufferString([...messages]);
}

const isTask = (value: object): boolean =>
  "applyStep" in value && typeof value.applyStep === "function";

/** Turns a runnable's input into what `think` takes, or says what was expected. */
export function readThinkInput(input: DeliberateInput): ThinkInput {
  if (typeof input === "string") return input;
  if (typeof input === "object" && input !== null) {
    if (isTask(input)) return input as ThinkInput;
    if (input instanceof BasePromptValue) return formatQuestion(input.toChatMessages());
    if (isBaseMessage(input)) return formatQuestion([input]);
    if (Array.isArray(input) && input.every((item) => isBaseMessage(item)))
      return formatQuestion(input);
    if ("question" in input && typeof input.question === "string") return input.question;
  }
  throw new DeliberateLangChainError(
    "INVALID_INPUT",
    `Expected a question, a task, a prompt value, chat messages or { question }, got ${describeValue(input)}`,
  );
}
