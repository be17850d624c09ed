import type { SearchTree, TreeNode } from "@deliberate/core";

/** What a search cost and gave, as the SVG header and the comparison page show it. */
export interface SearchFacts {
  /** The answer of the best path's last node, if it has one. */
  readonly answer?: string;
  /** The verifier's verdict on that answer. */
  readonly verified?: boolean;
  readonly bestScore?: number;
  readonly nodes: number;
  /** Prompt tokens the model evaluated (cached prefixes excluded) and tokens it generated. */
  readonly evaluatedTokens: number;
  readonly generatedTokens: number;
  /** Model calls, from the last `budget` event; `undefined` when the log has none. */
  readonly calls?: number;
  /** Milliseconds from the start to the last event. */
  readonly ms: number;
  readonly stopReason?: string;
}

/**
 * Reads the answer and the costs of a search from its tree. Tokens are summed over the nodes (the
 * `budget` events only sample them); calls come from the last `budget` event because nodes do not
 * record the calls that scored them.
 */
export function readSearchFacts(tree: SearchTree): SearchFacts {
  const byId = new Map<number, TreeNode>(tree.nodes.map((node) => [node.id, node]));
  const bestId = tree.bestPath?.at(-1);
  const best = bestId === undefined ? undefined : byId.get(bestId);
  let evaluatedTokens = 0;
  let generatedTokens = 0;
  for (const node of tree.nodes) {
    evaluatedTokens += node.usage.evaluatedPromptTokens;
    generatedTokens += node.usage.generatedTokens;
  }
  let calls: number | undefined;
  for (const event of tree.events) if (event.type === "budget") calls = event.calls;
  const stopped = tree.events.findLast((event) => event.type === "stopped");
  const answer = best?.answer ?? (stopped?.type === "stopped" ? stopped.answer : undefined);
  return {
    ...(answer === undefined ? {} : { answer }),
    ...(best?.verified === undefined || best.answer === undefined
      ? {}
      : { verified: best.verified }),
    ...(best?.score === undefined ? {} : { bestScore: best.score }),
    nodes: tree.nodes.length,
    evaluatedTokens,
    generatedTokens,
    ...(calls === undefined ? {} : { calls }),
    ms: tree.events.at(-1)?.t ?? 0,
    ...(tree.stopReason === undefined ? {} : { stopReason: tree.stopReason }),
  };
}

/** `1.2k`, `34k`, `1.1M`: token counts short enough for a line of facts. */
export function formatCount(value: number): string {
  if (value < 1000) return String(value);
  if (value < 10_000) return `${(value / 1000).toFixed(1)}k`;
  if (value < 1_000_000) return `${Math.round(value / 1000)}k`;
  return `${(value / 1_000_000).toFixed(1)}M`;
}

/** `850 ms`, `12.4 s`, `3 min 5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
