export { TaskError, type TaskErrorCode } from "./errors.js";
export { applyGame24Step, matchGame24Step } from "./game24/apply-step.js";
export {
  formatGame24Operand,
  formatGame24Step,
  type Game24Profile,
} from "./game24/format.js";
export { buildGame24Grammar, listGame24StepTexts, quoteGbnf } from "./game24/grammar.js";
export {
  applyGame24Move,
  combineGame24Expressions,
  type Game24Move,
  listGame24Moves,
} from "./game24/moves.js";
export {
  PAPER_COT_PROMPT,
  PAPER_PROPOSE_PROMPT,
  PAPER_STANDARD_PROMPT,
  PAPER_VALUE_LAST_STEP_PROMPT,
  PAPER_VALUE_PROMPT,
} from "./game24/paper-prompts.js";
export { parseGame24Step, type WrittenGame24Step } from "./game24/parse-step.js";
export {
  buildGame24ProposePrompt,
  buildGame24StepPrompt,
  buildGame24ValuePrompt,
  fillGame24Template,
  GAME24_VALUE_WORDS,
} from "./game24/prompts.js";
export {
  enumerateReachableGame24States,
  type GenerateGame24Options,
  generateGame24Puzzles,
  listGame24Puzzles,
  listSolvableGame24Puzzles,
} from "./game24/puzzles.js";
export {
  buildGame24SinglePassPrompt,
  extractGame24Answer,
  type Game24SinglePassStyle,
} from "./game24/single-pass.js";
export {
  canReachGame24,
  findGame24Solution,
  type Game24SolverOptions,
  listGame24Successors,
  solveGame24,
} from "./game24/solver.js";
export {
  createGame24State,
  type ExpressionKind,
  formatGame24Numbers,
  type Game24Number,
  type Game24State,
  getGame24StateKey,
  parseGame24Puzzle,
  sortGame24Numbers,
} from "./game24/state.js";
export { createGame24Task, type Game24TaskOptions } from "./game24/task.js";
export { type Game24TestCase, loadGame24TestSet, parseGame24TestSet } from "./game24/test-set.js";
export {
  findGame24SolutionMoves,
  formatGame24CompactProposal,
  formatGame24CompactTrace,
  formatGame24CompactValue,
} from "./game24/training.js";
export { createRandom, pickInteger, pickOne, type Random, shuffle } from "./random.js";
export { type GenerateSudokuOptions, generateSudokuPuzzles } from "./sudoku/generate.js";
export {
  findSudokuConflict,
  formatSudokuGrid,
  listSudokuCandidates,
  listSudokuPeers,
  parseSudokuGrid,
  type SudokuGrid,
  solveSudoku,
} from "./sudoku/grid.js";
export { createSudokuTask, type SudokuState, type SudokuTaskOptions } from "./sudoku/task.js";
export { findWrongCalculation } from "./word-problems/check-step.js";
export { extractNumericAnswer } from "./word-problems/extract-answer.js";
export { generateWordProblems, type WordProblem } from "./word-problems/generate.js";
export {
  createWordProblemTask,
  type WordProblemState,
  type WordProblemTaskOptions,
} from "./word-problems/task.js";
