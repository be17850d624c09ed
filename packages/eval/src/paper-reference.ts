import type { MethodId } from "./method.js";

/** Where the reference figures come from. */
export const PAPER_REFERENCE_SOURCE =
  "Yao et al., Tree of Thoughts (NeurIPS 2023), Table 2: GPT-4 on the 100 Game-of-24 test puzzles";

/**
 * GPT-4's success rates in the ToT paper on the puzzles {@link createGame24Cases} draws by
 * default. CoT-SC there took k = 100 samples; ToT proposed with one call a state and valued each
 * state three times.
 */
export const PAPER_GAME24_SUCCESS: Readonly<Partial<Record<MethodId, number>>> = {
  io: 0.073,
  cot: 0.04,
  "cot-sc": 0.09,
  "tot-b1": 0.45,
  "tot-b5": 0.74,
};

/** The paper's figure for a method on a task, when it reports one. */
export function findPaperReference(task: string, method: string): number | undefined {
  if (task !== "game24") return undefined;
  return PAPER_GAME24_SUCCESS[method as MethodId];
}
