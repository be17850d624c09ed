// The tiny reasoner: the model the project trains, where it lives, and how its data is made.
export {
  builtinModels,
  type PinnedBuiltinModel,
  resolveBuiltinModel,
  TINY_REASONER_FILE,
} from "./builtin-models.js";
export {
  isSolvable,
  KEEP_SOLVABLE_RATE,
  listTaughtMoves,
  pickBehaviourMove,
  rollOutBehaviour,
} from "./data/behaviour-policy.js";
export {
  DATASET_MIX,
  type DatasetOptions,
  drawValueState,
  generateDataset,
  VALUE_DEPTH_WEIGHTS,
} from "./data/generate-dataset.js";
export { EXCLUDED_MIN_NUMBERS, listExcludedStates } from "./data/test-exclusion.js";
export {
  buildProposalExample,
  buildTraceExample,
  buildValueExample,
  type ExampleKind,
  type TrainingExample,
} from "./data/training-example.js";
export { labelGame24State, type ValueWord } from "./data/value-label.js";
export { createFinalCheckEvaluator } from "./evaluation/final-check-evaluator.js";
export {
  attemptGame24,
  type Game24Attempt,
  type Game24Method,
} from "./evaluation/game24-methods.js";
export { type Game24Summary, summarizeAttempts } from "./evaluation/summarize-attempts.js";
export { measureValueCalibration, type ValueCalibration } from "./evaluation/value-calibration.js";
export { loadTinyReasoner } from "./load-tiny-reasoner.js";
export { isTinyReasonerText, TINY_REASONER_PIECES } from "./vocabulary.js";
