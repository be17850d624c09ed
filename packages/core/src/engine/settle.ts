import { rankOf } from "../strategies/strategy.js";
import type { TreeNode } from "../tree/schema.js";

/**
 * When an answer counts as settled without a verifier: enough independent answers agree, or the
 * best answer's value is high and stays the best.
 */
export interface SettleRule {
  /** Fewest answers the leading one needs. @default 3 */
  readonly votes: number;
  /** How sure the Beta test must be that the leading answer beats the runner-up. @default 0.95 */
  readonly confidence: number;
  /** A best answer valued at least this… @default 0.9 */
  readonly value: number;
  /** …and the best for this many steps in a row is settled too. @default 3 */
  readonly steadySteps: number;
}

export const DEFAULT_SETTLE_RULE: SettleRule = Object.freeze({
  votes: 3,
  confidence: 0.95,
  value: 0.9,
  steadySteps: 3,
});

/**
 * P(p₁ > p₂) when the two leading answers were reached `lead` and `runnerUp` times, with a uniform
 * prior: the Beta stopping rule of Adaptive-Consistency (Aggarwal et al., 2023). For integer counts
 * it is exact: P(X > ½) for X ~ Beta(lead + 1, runnerUp + 1) = P(Binomial(lead + runnerUp + 1, ½) ≤ lead).
 */
export function measureLeadConfidence(lead: number, runnerUp: number): number {
  const n = lead + runnerUp + 1;
  // In logarithms: 2^-n underflows once a thousand answers are in.
  const half = n * Math.LN2;
  let logChoose = 0;
  let sum = 0;
  for (let k = 0; k <= lead; k += 1) {
    sum += Math.exp(logChoose - half);
    logChoose += Math.log(n - k) - Math.log(k + 1);
  }
  return Math.min(1, sum);
}

/** Answers that still count: terminals with an answer that no verifier rejected. */
function countingAnswers(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.filter(
    (node) => node.status === "terminal" && node.answer !== undefined && node.verified !== false,
  );
}

/** Answers the same after trimming and lower-casing are one answer. */
export function normalizeAnswer(answer: string): string {
  return answer.trim().toLowerCase();
}

/**
 * The node of the answer most paths agree on, when the agreement is settled by `rule`: the leading
 * answer has at least `votes` paths and the Beta test is sure enough it beats the runner-up. Its
 * best-scored node stands for it.
 */
export function findConsensus(nodes: readonly TreeNode[], rule: SettleRule): number | undefined {
  const groups = new Map<string, TreeNode[]>();
  for (const node of countingAnswers(nodes)) {
    const key = normalizeAnswer(node.answer as string);
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  const sizes = [...groups.values()].sort((a, b) => b.length - a.length);
  const lead = sizes[0];
  if (!lead || lead.length < rule.votes) return undefined;
  const runnerUp = sizes[1]?.length ?? 0;
  if (lead.length === runnerUp) return undefined;
  if (measureLeadConfidence(lead.length, runnerUp) < rule.confidence) return undefined;
  return [...lead].sort((a, b) => rankOf(b) - rankOf(a) || a.id - b.id)[0]?.id;
}

/** The best-valued answer an evaluator scored, if any. */
export function findBestScoredAnswer(nodes: readonly TreeNode[]): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const node of countingAnswers(nodes)) {
    if (node.score === undefined) continue;
    if (!best || (node.score ?? 0) > (best.score ?? 0)) best = node;
  }
  return best;
}

/**
 * Follows the best-valued answer from step to step: settled once it is valued at least
 * `rule.value` and has been the best for `rule.steadySteps` steps in a row.
 */
export class SteadyAnswer {
  private id: number | undefined;
  private steps = 0;

  /** Records this step's best answer; returns its id once it is settled. */
  observe(nodes: readonly TreeNode[], rule: SettleRule): number | undefined {
    const best = findBestScoredAnswer(nodes);
    if (!best || (best.score ?? 0) < rule.value) {
      this.id = undefined;
      this.steps = 0;
      return undefined;
    }
    this.steps = best.id === this.id ? this.steps + 1 : 1;
    this.id = best.id;
    return this.steps >= rule.steadySteps ? best.id : undefined;
  }
}
