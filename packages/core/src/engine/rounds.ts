import type { ResolvedBudget } from "../budget/budget.js";
import type { RoundsSnapshot } from "../search/snapshot.js";

/** Temperature added at each restart. */
const TEMPERATURE_STEP = 0.3;
/** Restarts raise the temperature up to this, unless the search's own is already higher. */
const HIGHEST_RESTART_TEMPERATURE = 1.5;
/** Rounds in a row that found no new state before the search counts as exhausted. */
export const DRY_ROUNDS_TO_STOP = 2;

/**
 * The sampling temperature of round `round`: the search's own in round 0, then 0.3 higher each
 * restart up to 1.5, so a pass that keeps meeting known states finds new ones. A temperature
 * already above 1.5 is kept.
 */
export function findRoundTemperature(base: number, round: number): number {
  if (round === 0) return base;
  const raised = Math.round((base + TEMPERATURE_STEP * round) * 100) / 100;
  return Math.max(base, Math.min(HIGHEST_RESTART_TEMPERATURE, raised));
}

/** Whether a budget has a limit that rounds could spend: time, tokens, nodes or calls. */
export function isBounded(budget: ResolvedBudget): boolean {
  return [
    budget.timeMs,
    budget.tokens,
    budget.promptTokens,
    budget.generatedTokens,
    budget.nodes,
    budget.calls,
  ].some((limit) => limit !== undefined);
}

/**
 * The rounds of one search: the current round, when each node was last expanded, and whether the
 * rounds still find new states. A restart begins a new round.
 */
export class Rounds {
  round = 0;
  fresh = 0;
  dry = 0;
  private readonly expanded = new Map<number, number>();

  constructor(saved?: RoundsSnapshot) {
    if (!saved) return;
    this.round = saved.round;
    this.fresh = saved.fresh;
    this.dry = saved.dry;
    for (const [id, round] of Object.entries(saved.expandedIn))
      this.expanded.set(Number(id), round);
  }

  noteExpanded(ids: readonly number[]): void {
    for (const id of ids) this.expanded.set(id, this.round);
  }

  expandedIn(id: number): number | undefined {
    return this.expanded.get(id);
  }

  /** Starts the next round, unless the last rounds found nothing new: then `false`. */
  advance(): boolean {
    this.dry = this.fresh === 0 ? this.dry + 1 : 0;
    if (this.dry >= DRY_ROUNDS_TO_STOP) return false;
    this.round += 1;
    this.fresh = 0;
    return true;
  }

  toSnapshot(): RoundsSnapshot {
    return {
      round: this.round,
      expandedIn: Object.fromEntries(this.expanded),
      fresh: this.fresh,
      dry: this.dry,
    };
  }
}
