import { z } from "zod";
import { integerIn } from "../options/integer.js";

/** Which limit of a {@link Budget} stopped a search. */
export type BudgetLimit =
  | "time"
  | "tokens"
  | "promptTokens"
  | "generatedTokens"
  | "nodes"
  | "calls";

/** What a search may spend, in any combination. A missing limit is no limit. */
export const Budget = z.strictObject({
  /** Think time: milliseconds or a duration such as `"30s"`. */
  time: z.union([z.number(), z.string()]).optional(),
  /** Prompt and generated tokens together. */
  tokens: integerIn(0).optional(),
  promptTokens: integerIn(0).optional(),
  generatedTokens: integerIn(0).optional(),
  /** Nodes in the tree, the root included. */
  nodes: integerIn(1).optional(),
  /** Model calls. */
  calls: integerIn(0).optional(),
  /**
   * Fraction of the time, token and call limits kept for finalizing: when the search itself runs
   * out without an answer, the best partial path is completed within this reserve.
   * @default 0.1
   */
  reserve: z.number().min(0).max(0.9).default(0.1),
});
export type BudgetInput = z.input<typeof Budget>;

/** A budget with the time in milliseconds. */
export interface ResolvedBudget {
  readonly timeMs?: number;
  readonly tokens?: number;
  readonly promptTokens?: number;
  readonly generatedTokens?: number;
  readonly nodes?: number;
  readonly calls?: number;
  readonly reserve: number;
}

/** What a search has spent so far. */
export interface BudgetSpent {
  elapsedMs: number;
  promptTokens: number;
  generatedTokens: number;
  nodes: number;
  calls: number;
}

export const emptySpent = (): BudgetSpent => ({
  elapsedMs: 0,
  promptTokens: 0,
  generatedTokens: 0,
  nodes: 0,
  calls: 0,
});

/** Phase of the search a limit is checked for: the search proper leaves the reserve untouched. */
export type BudgetPhase = "search" | "finalize";

function scaled(limit: number | undefined, phase: BudgetPhase, reserve: number) {
  if (limit === undefined) return undefined;
  return phase === "search" ? limit * (1 - reserve) : limit;
}

/**
 * The first limit that `spent` has reached in `phase`, or `undefined` when there is room left.
 * The node limit has no reserve: finalizing may not add nodes past it either.
 */
export function findSpentLimit(
  budget: ResolvedBudget,
  spent: BudgetSpent,
  phase: BudgetPhase,
): BudgetLimit | undefined {
  const r = budget.reserve;
  const time = scaled(budget.timeMs, phase, r);
  if (time !== undefined && spent.elapsedMs >= time) return "time";
  const tokens = scaled(budget.tokens, phase, r);
  if (tokens !== undefined && spent.promptTokens + spent.generatedTokens >= tokens) return "tokens";
  const prompt = scaled(budget.promptTokens, phase, r);
  if (prompt !== undefined && spent.promptTokens >= prompt) return "promptTokens";
  const generated = scaled(budget.generatedTokens, phase, r);
  if (generated !== undefined && spent.generatedTokens >= generated) return "generatedTokens";
  if (budget.nodes !== undefined && spent.nodes >= budget.nodes) return "nodes";
  const calls = scaled(budget.calls, phase, r);
  if (calls !== undefined && spent.calls >= calls) return "calls";
  return undefined;
}

/**
 * Generated tokens one more call may still write in `phase` (Infinity without a token limit), and
 * the limit that bounds them.
 */
export function findTokenRoom(
  budget: ResolvedBudget,
  spent: BudgetSpent,
  phase: BudgetPhase,
): { room: number; limit: "tokens" | "generatedTokens" } {
  const r = budget.reserve;
  const generated = scaled(budget.generatedTokens, phase, r);
  const tokens = scaled(budget.tokens, phase, r);
  const byGenerated = generated === undefined ? Infinity : generated - spent.generatedTokens;
  const byTotal =
    tokens === undefined ? Infinity : tokens - spent.promptTokens - spent.generatedTokens;
  const limit = byTotal < byGenerated ? "tokens" : "generatedTokens";
  return { room: Math.max(0, Math.floor(Math.min(byGenerated, byTotal))), limit };
}

/** Milliseconds left in `phase` (Infinity without a time limit). */
export function findTimeRoom(budget: ResolvedBudget, spent: BudgetSpent, phase: BudgetPhase) {
  const time = scaled(budget.timeMs, phase, budget.reserve);
  return time === undefined ? Infinity : Math.max(0, time - spent.elapsedMs);
}
