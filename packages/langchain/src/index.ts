export { DeliberateLangChainError, type DeliberateLangChainErrorCode } from "./errors.js";
export {
  type CallSettings,
  type ConfigureModel,
  configureByFields,
} from "./model/call-settings.js";
export { createLangChainModel } from "./model/langchain-model.js";
export type { LangChainModelOptions } from "./model/model-options.js";
export { renderMessages, UNTRUSTED_CLOSE, UNTRUSTED_OPEN } from "./model/render-messages.js";
export type { RetryOptions } from "./model/retry-call.js";
export {
  type DeliberateCallOptions,
  type DeliberateOutput,
  type DeliberateOutputKind,
  DeliberateRunnable,
  type DeliberateRunnableFields,
  SEARCH_EVENT_NAME,
} from "./runnable/deliberate-runnable.js";
export { type DeliberateInput, readThinkInput } from "./runnable/read-input.js";
export {
  createLangChainCalculatorTool,
  createLangChainGame24CheckTool,
  createLangChainJavaScriptTool,
} from "./tools/deliberate-tools.js";
export { observeToolCall, type ToolObservation } from "./tools/observe-tool-call.js";
export { type ThoughtToolOptions, toThoughtTool } from "./tools/to-thought-tool.js";
