import { enumerateReachableGame24States, loadGame24TestSet } from "@deliberate/tasks";

/**
 * The fewest numbers a state must have left to be excluded. Every test puzzle and every 3-number
 * state reachable from one is excluded; 2-number states and the goal `24` are not, because every
 * puzzle ends through the same 70 whole-number pairs that make 24 (`4 6`, `3 8`, …) and the test
 * puzzles reach 41 of them: excluding those would remove the last step of the game itself.
 */
export const EXCLUDED_MIN_NUMBERS = 3;

/**
 * Multiset keys (`"4 4 10"`) of the states no training example may show: the 100 puzzles of the
 * ToT test set and every state with at least `minNumbers` numbers reachable from them by any
 * legal move, fractions and negatives included.
 *
 * @example
 * ```ts
 * const excluded = listExcludedStates();
 * excluded.has("4 5 6 10"); // true: test puzzle 901
 * ```
 */
export function listExcludedStates(minNumbers = EXCLUDED_MIN_NUMBERS): Set<string> {
  const puzzles = loadGame24TestSet().map((testCase) => testCase.puzzle);
  const reachable = enumerateReachableGame24States(puzzles);
  return new Set([...reachable].filter((key) => key.split(" ").length >= minNumbers));
}
