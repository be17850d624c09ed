export {
  type ChainCost,
  labelBestOfN,
  measureChainCost,
  PILOT_CHAINS,
  runBestOfN,
  sizeBestOfN,
} from "./best-of-n.js";
export {
  createGame24Cases,
  type EvaluationCase,
  type Game24CaseOptions,
  type Game24CaseSource,
  type SinglePassStyle,
} from "./cases.js";
export { drawRateFrame, type RateChartFrame } from "./chart-frame.js";
export { EvaluationError, type EvaluationErrorCode } from "./errors.js";
export {
  buildEvaluationOptions,
  EVALUATION_FLAG_DEFAULTS,
  type EvaluationFlags,
  readNumberFlag,
} from "./evaluation-flags.js";
export {
  EvaluationOptions,
  type ParsedEvaluationOptions,
  parseEvaluationOptions,
} from "./evaluation-options.js";
export { alignColumns, formatEvaluationTable } from "./format-table.js";
export { describeMachine, readLoadAverage } from "./machine.js";
export {
  type CaseOutcome,
  type EvaluationMethod,
  METHOD_IDS,
  type MethodId,
  type MethodKind,
  type MethodRun,
  type MethodSettings,
} from "./method.js";
export { DEFAULT_METHODS, getMethod, parseMethodList } from "./methods.js";
export {
  findPaperReference,
  PAPER_GAME24_SUCCESS,
  PAPER_REFERENCE_SOURCE,
} from "./paper-reference.js";
export { checkEvaluationOptions } from "./plan-evaluation.js";
export type { EvaluationProgress } from "./progress.js";
export { createProgressBar, formatProgressLine, type ProgressBar } from "./progress-bar.js";
export { renderAccuracyChart } from "./render-chart.js";
export {
  CaseOutcomeRecord,
  CurveSeries,
  EVALUATION_FORMAT,
  EvaluationReport,
  MethodRow,
} from "./report.js";
export { type EvaluationHooks, runEvaluation } from "./run-evaluation.js";
export { runSearch, type SearchSpec } from "./search-methods.js";
export { chooseMajority } from "./single-pass-methods.js";
export { escapeXml, writeElement, writeText } from "./svg-elements.js";
export {
  type EvaluationFiles,
  loadEvaluationReport,
  writeEvaluationFiles,
} from "./write-results.js";
