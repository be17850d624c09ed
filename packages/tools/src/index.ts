export { type Calculation, calculate, evaluateArithmetic } from "./calculator/evaluate.js";
export {
  type ArithmeticNode,
  type ParseArithmeticOptions,
  parseArithmetic,
} from "./calculator/parse.js";
export { type Operator, type Token, tokenizeArithmetic } from "./calculator/tokenize.js";
export { ToolError, type ToolErrorCode } from "./errors.js";
export {
  addFractions,
  approximateFraction,
  compareFractions,
  divideFractions,
  equalFractions,
  type Fraction,
  formatFraction,
  isIntegerFraction,
  makeFraction,
  multiplyFractions,
  parseFraction,
  subtractFractions,
} from "./fraction.js";
export { type Game24Verdict, game24Check } from "./game24-check.js";
export { observeToolCall, type ToolObservation } from "./langchain/observation.js";
export {
  createCalculatorTool,
  createGame24CheckTool,
  createJavaScriptTool,
} from "./langchain/tools.js";
export {
  type JavaScriptRun,
  type RunJavaScriptOptions,
  runJavaScript,
} from "./sandbox/run-javascript.js";
