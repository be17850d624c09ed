import {
  type BudgetLimit,
  type BudgetPhase,
  type BudgetSpent,
  emptySpent,
  findSpentLimit,
  findTimeRoom,
  findTokenRoom,
  type ResolvedBudget,
} from "../budget/budget.js";
import { addModelUsage, emptyModelUsage, type ModelUsage } from "../model/model.js";
import type { MeterSnapshot } from "../search/snapshot.js";
import { type TokenLease, TokenReservations } from "./token-reservations.js";

/**
 * What one search has spent against its budget. Time counts only while the search runs: a paused
 * search does not spend think time.
 */
export class BudgetMeter {
  readonly budget: ResolvedBudget;
  phase: BudgetPhase = "search";
  usage: ModelUsage = emptyModelUsage;
  nodes = 1;
  /** Calls counted as they start, so calls in flight count against the call limit. */
  calls = 0;
  private elapsedBefore = 0;
  private runningSince: number | undefined;

  constructor(budget: ResolvedBudget, saved?: MeterSnapshot) {
    this.budget = budget;
    if (saved) {
      this.elapsedBefore = saved.elapsedMs;
      this.usage = saved.usage;
      this.calls = saved.calls;
      this.nodes = saved.nodes;
    }
  }

  toSnapshot(): MeterSnapshot {
    return { elapsedMs: this.elapsedMs(), usage: this.usage, calls: this.calls, nodes: this.nodes };
  }

  run(): void {
    this.runningSince ??= performance.now();
  }

  stop(): void {
    if (this.runningSince === undefined) return;
    this.elapsedBefore += performance.now() - this.runningSince;
    this.runningSince = undefined;
  }

  elapsedMs(): number {
    const running = this.runningSince === undefined ? 0 : performance.now() - this.runningSince;
    return this.elapsedBefore + running;
  }

  spent(): BudgetSpent {
    return {
      ...emptySpent(),
      elapsedMs: this.elapsedMs(),
      promptTokens: this.usage.promptTokens,
      generatedTokens: this.usage.generatedTokens,
      nodes: this.nodes,
      calls: this.calls,
    };
  }

  /** A token limit with too little room left for the calls the search wants, by phase. */
  private cramped: Partial<Record<BudgetPhase, BudgetLimit>> = {};
  private readonly reservations = new TokenReservations();

  /** The limit reached in the current phase, if any. */
  limitReached(): BudgetLimit | undefined {
    return findSpentLimit(this.budget, this.spent(), this.phase) ?? this.cramped[this.phase];
  }

  /**
   * Takes room for a call of `n` completions of up to `maxTokens` each, held until the lease is
   * released: the generated tokens each may write. When the room is promised to calls in flight,
   * waits for one to end; `undefined` when less than one token a completion is left (that limit
   * then counts as reached) or `signal` aborts.
   */
  async leaseTokens(
    n: number,
    maxTokens: number,
    signal: AbortSignal,
  ): Promise<TokenLease | undefined> {
    while (!signal.aborted) {
      const { room, limit } = findTokenRoom(
        this.budget,
        this.reservations.addTo(this.spent()),
        this.phase,
      );
      if (room >= n) return this.reservations.hold(Math.min(maxTokens, Math.floor(room / n)), n);
      if (!this.reservations.held) {
        this.cramped[this.phase] = limit;
        return undefined;
      }
      await this.reservations.waitForRelease(signal);
    }
    return undefined;
  }

  timeRoom(phase: BudgetPhase = this.phase): number {
    return findTimeRoom(this.budget, this.spent(), phase);
  }

  /** Nodes that still fit under the node limit (infinite without one). */
  nodeRoom(): number {
    return (this.budget.nodes ?? Number.POSITIVE_INFINITY) - this.nodes;
  }

  /** Whether one more node fits under the node limit. */
  hasNodeRoom(): boolean {
    return this.nodeRoom() > 0;
  }

  startCall(): void {
    this.calls += 1;
  }

  record(usage: ModelUsage): void {
    this.usage = addModelUsage(this.usage, usage);
    this.reservations.notePrompt(usage.promptTokens);
  }
}
