import { createGame24Cases, type EvaluationOptions, runEvaluation } from "../../src/index.js";
import { createLegalMoveModel, type LegalMoveModelOptions } from "./legal-move-model.js";

/** The one puzzle the scripted single pass knows, and the trace that solves it. */
export const KNOWN_PUZZLE = "4 9 10 13";
export const KNOWN_TRACE = " 13-9=4 | 4 4 10 > 10-4=6 | 4 6 > 4*6=24 | 24";

/** A run small enough for a unit test: two puzzles, a scripted model, think times it never hits. */
export function runTinyEvaluation(
  overrides: Partial<EvaluationOptions> = {},
  model: LegalMoveModelOptions = {},
  hooks: Parameters<typeof runEvaluation>[1] = {},
) {
  return runEvaluation(
    {
      model: createLegalMoveModel({
        trace: (prompt) =>
          prompt.startsWith(`${KNOWN_PUZZLE} >`) ? KNOWN_TRACE : " 1+1=2 | nonsense",
        ...model,
      }),
      cases: createGame24Cases({ puzzles: [KNOWN_PUZZLE, "1 1 4 6"], profile: "compact" }),
      methods: ["io", "cot", "cot-sc", "tot-b1", "tot-b5", "dfs", "mcts", "best-of-n"],
      budgets: ["20s", "30s"],
      samples: 3,
      branching: 4,
      maxNodes: 60,
      ...overrides,
    },
    hooks,
  );
}
