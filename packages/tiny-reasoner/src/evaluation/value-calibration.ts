/** How well P(sure) separates states that can make 24 from states that cannot. */
export interface ValueCalibration {
  readonly states: number;
  /** Share of the states that really can make 24. */
  readonly sureRate: number;
  /** Mean P(sure) the model gives: equal to `sureRate` when the class prior is calibrated. */
  readonly meanSureProbability: number;
  /** Probability that a random solvable state gets a higher P(sure) than a random dead one. */
  readonly auc: number;
  /** Share of states where `P(sure) > 0.5` agrees with the solver. */
  readonly accuracy: number;
}

/**
 * Measures value judgments against the solver's truth.
 *
 * @example
 * ```ts
 * measureValueCalibration([{ sureProbability: 0.9, solvable: true }, { sureProbability: 0.2, solvable: false }]);
 * // { states: 2, sureRate: 0.5, meanSureProbability: 0.55, auc: 1, accuracy: 1 }
 * ```
 */
export function measureValueCalibration(
  judged: readonly { readonly sureProbability: number; readonly solvable: boolean }[],
): ValueCalibration {
  const positives = judged.filter((j) => j.solvable).map((j) => j.sureProbability);
  const negatives = judged.filter((j) => !j.solvable).map((j) => j.sureProbability);
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  }
  const pairs = positives.length * negatives.length;
  const share = (count: number) => (judged.length === 0 ? 0 : count / judged.length);
  return {
    states: judged.length,
    sureRate: share(positives.length),
    meanSureProbability: share(judged.reduce((sum, j) => sum + j.sureProbability, 0)),
    auc: pairs === 0 ? 0.5 : wins / pairs,
    accuracy: share(judged.filter((j) => j.sureProbability > 0.5 === j.solvable).length),
  };
}
