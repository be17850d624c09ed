/** Where a run stands, after each method finishes a case. */
export interface EvaluationProgress {
  /** Runs of one method on one case finished, and in all. */
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
  /** Time left, estimated from the think time the finished runs were allowed; absent at first. */
  readonly etaMs?: number;
  /** What just finished. */
  readonly method: string;
  readonly budgetMs: number;
  readonly case: string;
}

/** Counts finished runs and estimates the time left. */
export interface ProgressTracker {
  /** Reports that `method` finished `caseId` at think time `budgetMs`. */
  step(method: string, budgetMs: number, caseId: string): void;
}

/**
 * A tracker over runs weighted by their think time: a 10 s run is expected to take ten times a
 * 1 s run, so the estimate holds when the curve's budgets grow along the way.
 */
export function createProgressTracker(
  weights: readonly number[],
  onProgress: ((progress: EvaluationProgress) => void) | undefined,
): ProgressTracker {
  const started = performance.now();
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  let done = 0;
  let doneWeight = 0;
  return {
    step(method, budgetMs, caseId) {
      done += 1;
      doneWeight += budgetMs;
      if (!onProgress) return;
      const elapsedMs = performance.now() - started;
      const left = Math.max(0, totalWeight - doneWeight);
      onProgress({
        done,
        total: weights.length,
        elapsedMs,
        ...(doneWeight > 0 ? { etaMs: (elapsedMs * left) / doneWeight } : {}),
        method,
        budgetMs,
        case: caseId,
      });
    },
  };
}
