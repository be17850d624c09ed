/**
 * Writing a task: its prompts, how a step changes its state, its verifier and value scale, and
 * the tools its thoughts may call.
 *
 * @packageDocumentation
 */
export { createRandom, type Random } from "../random.js";
export {
  type ThoughtTool,
  type ThoughtToolCallOptions,
  TOOL_NAME,
  type ToolCall,
} from "../tools/thought-tool.js";
export { createQuestionTask, type QuestionTaskOptions } from "./question-task.js";
export {
  defaultValueScale,
  type StepOutcome,
  type Task,
  type TaskNode,
  type TaskPrompt,
  type ThoughtStep,
  type ValueScale,
} from "./task.js";
export {
  OBSERVATION_CLOSE,
  OBSERVATION_OPEN,
  observationSegments,
  readToolCall,
} from "./tool-steps.js";
