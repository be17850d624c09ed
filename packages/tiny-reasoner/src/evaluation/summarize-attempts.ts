import type { Game24Attempt } from "./game24-methods.js";

/** One row of a results table: success and what it cost per puzzle on average. */
export interface Game24Summary {
  readonly puzzles: number;
  readonly solved: number;
  /** Answers the method called verified that the exact check rejected (must stay 0). */
  readonly falseClaims: number;
  readonly generatedTokensPerPuzzle: number;
  readonly evaluatedPromptTokensPerPuzzle: number;
  readonly secondsPerPuzzle: number;
}

/** Adds up attempts into one row. */
export function summarizeAttempts(attempts: readonly Game24Attempt[]): Game24Summary {
  const mean = (pick: (attempt: Game24Attempt) => number) =>
    attempts.length === 0 ? 0 : attempts.reduce((sum, a) => sum + pick(a), 0) / attempts.length;
  return {
    puzzles: attempts.length,
    solved: attempts.filter((attempt) => attempt.solved).length,
    falseClaims: attempts.filter((attempt) => attempt.claimed && !attempt.solved).length,
    generatedTokensPerPuzzle: Math.round(mean((a) => a.generatedTokens)),
    evaluatedPromptTokensPerPuzzle: Math.round(mean((a) => a.evaluatedPromptTokens)),
    secondsPerPuzzle: Number((mean((a) => a.ms) / 1000).toFixed(2)),
  };
}
