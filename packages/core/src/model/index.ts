/**
 * Writing a model backend: the `Model` contract every backend implements (llama.cpp, LangChain,
 * scripted test models) and its request and reply types.
 *
 * @packageDocumentation
 */
export {
  addModelUsage,
  type Completion,
  emptyModelUsage,
  type Model,
  type ModelReply,
  type ModelRequest,
  type ModelUsage,
  type OutputConstraint,
  type PromptSegment,
  type ScoreOptionsReply,
  type ScoreOptionsRequest,
} from "./model.js";
