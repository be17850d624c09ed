import { createRandom } from "@deliberate/core/task";

/** A two-sided 95% interval. */
export interface Interval {
  readonly low: number;
  readonly high: number;
}

const Z95 = 1.959963984540054;

function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i += 1) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

/**
 * The exact (binomial) McNemar test: of the `b + c` discordant pairs, `b` went one way and `c` the
 * other; the two-sided p is the chance of a split at least this uneven when each way is a coin flip.
 *
 * @example
 * ```ts
 * testMcNemarExact(1, 9); // 0.021484375 (= 22 / 1024)
 * ```
 */
export function testMcNemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let tail = 0;
  for (let k = 0; k <= Math.min(b, c); k += 1) tail += Math.exp(logChoose(n, k) - n * Math.LN2);
  return Math.min(1, 2 * tail);
}

/**
 * The Wilson score interval (95%) of `successes` out of `trials`: unlike the normal approximation it
 * stays inside [0, 1] and is not empty at 0 or at `trials`.
 *
 * @example
 * ```ts
 * computeWilsonInterval(45, 100); // { low: 0.3561…, high: 0.5476… }
 * ```
 */
export function computeWilsonInterval(successes: number, trials: number): Interval {
  if (trials === 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half =
    (Z95 / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** The mean of a list; 0 for an empty one. */
export function computeMean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function pickQuantile(sorted: readonly number[], q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  return low + ((sorted[above] ?? low) - low) * (position - below);
}

/**
 * A percentile bootstrap interval (95%) of the mean over clusters: each cluster is one puzzle and
 * holds its outcomes over seeds (1 solved, 0 not, or a paired difference); a resample draws whole
 * puzzles with replacement, so the seeds of a puzzle stay together. Seeded: the same input gives
 * the same interval.
 *
 * @example
 * ```ts
 * bootstrapClusterMean([[1, 1, 0], [0, 0, 0], [1, 1, 1]]); // an interval around 5/9
 * ```
 */
export function bootstrapClusterMean(
  clusters: readonly (readonly number[])[],
  options: { readonly resamples?: number; readonly seed?: number } = {},
): Interval {
  const means = clusters.filter((c) => c.length > 0).map((c) => computeMean(c));
  if (means.length === 0) return { low: 0, high: 0 };
  const random = createRandom(options.seed ?? 1);
  const resamples = options.resamples ?? 2000;
  const estimates: number[] = [];
  for (let r = 0; r < resamples; r += 1) {
    let sum = 0;
    for (let i = 0; i < means.length; i += 1)
      sum += means[Math.floor(random() * means.length)] ?? 0;
    estimates.push(sum / means.length);
  }
  estimates.sort((a, b) => a - b);
  return { low: pickQuantile(estimates, 0.025), high: pickQuantile(estimates, 0.975) };
}
