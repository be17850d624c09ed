import type { CaseOutcome, MethodRun } from "./method.js";
import { runSearch } from "./search-methods.js";

/** Chains the pilot samples on each case to learn what one chain costs. */
export const PILOT_CHAINS = 4;

/** What one sampled chain costs on these cases, measured before best-of-N is sized. */
export interface ChainCost {
  /** Mean generated tokens of one chain from the root to its end. */
  readonly tokensPerChain: number;
  readonly pilotChains: number;
  readonly pilotCases: number;
}

/**
 * Samples {@link PILOT_CHAINS} whole chains on each case, never stopping early, and divides their
 * generated tokens by the chains: the price of one more sample for best-of-N.
 */
export async function measureChainCost(
  runs: readonly MethodRun[],
  onCase: (outcome: CaseOutcome) => void = () => {},
): Promise<ChainCost> {
  let tokens = 0;
  for (const run of runs) {
    const outcome = await runSearch(run, {
      strategy: { name: "best-of-n", samples: PILOT_CHAINS },
      chains: true,
      stopOnSolution: false,
    });
    tokens += outcome.generatedTokens;
    onCase(outcome);
  }
  const chains = PILOT_CHAINS * runs.length;
  return {
    tokensPerChain: chains === 0 ? 0 : tokens / chains,
    pilotChains: PILOT_CHAINS,
    pilotCases: runs.length,
  };
}

/**
 * How many chains spend the same generated tokens as a search did: the search's mean over the
 * cases divided by one chain's cost, at least one.
 *
 * @example
 * ```ts
 * sizeBestOfN(1_106, 46); // 24
 * ```
 */
export function sizeBestOfN(targetGeneratedTokens: number, tokensPerChain: number): number {
  if (!(tokensPerChain > 0) || !(targetGeneratedTokens > 0)) return 1;
  return Math.min(10_000, Math.max(1, Math.round(targetGeneratedTokens / tokensPerChain)));
}

/** Best-of-N: `samples` sampled chains, the first answer the exact checker accepts wins. */
export function runBestOfN(run: MethodRun, samples: number): Promise<CaseOutcome> {
  return runSearch(run, { strategy: { name: "best-of-n", samples }, chains: true });
}

/** The row name of best-of-N sized to the search `matchedTo`. */
export function labelBestOfN(samples: number, matchedTo: string): string {
  return `best-of-${samples} + checker (= ${matchedTo} tokens)`;
}
