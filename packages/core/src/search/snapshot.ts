import type { ModelUsage } from "../model/model.js";
import type { SearchTree } from "../tree/schema.js";

/** What a paused search saves: enough to go on later, in another process. */
export interface SearchSnapshot {
  readonly format: "deliberate.search";
  readonly version: 1;
  readonly tree: SearchTree;
  readonly strategyState: unknown;
  readonly meter: MeterSnapshot;
  readonly seedsUsed: number;
  /** Steps taken so far. */
  readonly steps: number;
  /** The engine's rounds (absent in snapshots of searches that never restarted). */
  readonly rounds?: RoundsSnapshot;
}

/** A meter's counts, saved with a paused search. */
export interface MeterSnapshot {
  readonly elapsedMs: number;
  readonly usage: ModelUsage;
  readonly calls: number;
  readonly nodes: number;
}

/** What the engine keeps of its rounds, saved with a paused search. */
export interface RoundsSnapshot {
  readonly round: number;
  /** Node id → the round it was last expanded in. */
  readonly expandedIn: Readonly<Record<string, number>>;
  /** New states found in the current round. */
  readonly fresh: number;
  /** Rounds in a row, up to the current one, that found no new state. */
  readonly dry: number;
}
