import type { SearchEvent } from "@deliberate/core";

/** What the status line shows, followed from the search's events. */
export interface SearchProgress {
  nodes: number;
  /** Deepest node created so far. */
  depth: number;
  /** Highest score given to any node, if any was scored. */
  best: number | undefined;
  generatedTokens: number;
  /** The search's round: 0 until it restarts (the default search restarts as it grows). */
  round: number;
}

/** Follows a search from its events without asking it for its tree, which would copy it each time. */
export interface ProgressTracker {
  readonly progress: SearchProgress;
  record(event: SearchEvent): void;
}

/** Creates a {@link ProgressTracker} for one search. */
export function createProgressTracker(): ProgressTracker {
  const depths = new Map<number, number>([[0, 0]]);
  const progress: SearchProgress = {
    nodes: 1,
    depth: 0,
    best: undefined,
    generatedTokens: 0,
    round: 0,
  };
  return {
    progress,
    record(event) {
      switch (event.type) {
        case "created": {
          const depth = (depths.get(event.parent) ?? 0) + 1;
          depths.set(event.id, depth);
          progress.nodes = Math.max(progress.nodes, depths.size);
          progress.depth = Math.max(progress.depth, depth);
          break;
        }
        case "scored":
          progress.best = Math.max(progress.best ?? 0, event.score);
          break;
        case "budget":
          progress.nodes = event.nodes;
          progress.generatedTokens = event.generatedTokens;
          break;
        case "restarted":
          progress.round = event.round;
          break;
        default:
          break;
      }
    },
  };
}
