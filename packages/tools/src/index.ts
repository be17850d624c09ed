export { type Calculation, calculate, evaluateArithmetic } from "./calculator/evaluate.js";
export {
  type ArithmeticNode,
  type ParseArithmeticOptions,
  parseArithmetic,
} from "./calculator/parse.js";
export { type Token, tokenizeArithmetic } from "./calculator/tokenize.js";
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
  readDecimalFraction,
  subtractFractions,
} from "./fraction.js";
export { type Game24Verdict, game24Check } from "./game24-check.js";
export {
  applyOperator,
  OPERATOR_CLASS,
  OPERATORS,
  type Operator,
  readOperator,
} from "./operator.js";
export {
  type JavaScriptRun,
  type RunJavaScriptOptions,
  runJavaScript,
} from "./sandbox/run-javascript.js";
export { createCalculatorTool, formatCalculation } from "./thought-tools/calculator-tool.js";
export { createGame24CheckTool, formatGame24Verdict } from "./thought-tools/game24-check-tool.js";
export { createJavaScriptTool, formatJavaScriptRun } from "./thought-tools/javascript-tool.js";
export { TOOL_DESCRIPTIONS } from "./thought-tools/tool-descriptions.js";
export type { ToolOptions } from "./thought-tools/tool-options.js";
