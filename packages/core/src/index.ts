export { DeliberateError, type DeliberateErrorCode } from "./errors.js";
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
} from "./model/model.js";
export {
  defaultValueScale,
  type StepOutcome,
  type Task,
  type TaskNode,
  type TaskPrompt,
  type ThoughtStep,
  type ValueScale,
} from "./task/task.js";
export {
  NodeScore,
  NodeStatus,
  NodeUsage,
  ScoreSource,
  SearchEvent,
  type SearchEventType,
  SearchTree,
  TREE_FORMAT_VERSION,
  TreeNode,
} from "./tree/schema.js";
