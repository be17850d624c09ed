import { mcts } from "@deliberate/core";
import type { Strategy, StrategyView } from "@deliberate/core/plugins";
import type { NodeStatus, TreeNode } from "@deliberate/core/tree";
import { describe, expect, it } from "vitest";

/** MCTS's state, as the strategy keeps it: visits and total value by node id. */
interface Stats {
  stats: Record<string, [visits: number, total: number]>;
  exhausted: number[];
}

function node(
  id: number,
  parent: number | null,
  depth: number,
  status: NodeStatus,
  score?: number,
): TreeNode {
  return {
    id,
    parent,
    depth,
    text: `node ${id}`,
    status,
    scores: [],
    ...(score === undefined ? {} : { score }),
    usage: { promptTokens: 0, evaluatedPromptTokens: 0, generatedTokens: 0, ms: 0 },
    createdAt: 0,
  };
}

function viewOf(nodes: readonly TreeNode[]): StrategyView {
  return {
    nodes,
    children: (id) => nodes.filter((candidate) => candidate.parent === id),
    maxDepth: 10,
  };
}

// The root has three children: 1 and 2 not yet expanded, 3 expanded into 4 and 5 (both open).
//
//   node   visits  total  mean
//   0      9       6.1
//   1      6       4.2    0.7
//   2      1       0.3    0.3
//   3      2       1.6    0.8
//   4      1       0.2    0.2
//   5      1       0.6    0.6
//
// UCT = mean + c·sqrt(ln(parent visits) / visits), with ln 9 = 2.1972 at the root:
//   c = 0: 1 → 0.7, 2 → 0.3, 3 → 0.8: node 3, then below it (ln 2) 5 (0.6) over 4 (0.2).
//   c = 2: 1 → 0.7 + 2·0.6051 = 1.910, 2 → 0.3 + 2·1.4823 = 3.265, 3 → 0.8 + 2·1.0481 = 2.896:
//          node 2, the least visited, although its mean is the lowest.
//   c = √2 (the default): 1 → 1.556, 2 → 2.396, 3 → 2.282: node 2.
const tree = [
  node(0, null, 0, "expanded"),
  node(1, 0, 1, "open", 0.7),
  node(2, 0, 1, "open", 0.3),
  node(3, 0, 1, "expanded", 0.8),
  node(4, 3, 2, "open", 0.2),
  node(5, 3, 2, "open", 0.6),
];

function knownStats(): Stats {
  return {
    stats: { 0: [9, 6.1], 1: [6, 4.2], 2: [1, 0.3], 3: [2, 1.6], 4: [1, 0.2], 5: [1, 0.6] },
    exhausted: [],
  };
}

function create(exploration?: number): Strategy<Stats> {
  return mcts.create({
    branching: 2,
    ...(exploration === undefined ? {} : { exploration }),
  }) as Strategy<Stats>;
}

function selectOnce(strategy: Strategy<Stats>, stats: Stats, nodes = tree) {
  return strategy.select(stats, viewOf(nodes)).selection;
}

describe("mcts: UCT selection", () => {
  it("descends to the child of the highest mean value without exploration", () => {
    expect(selectOnce(create(0), knownStats())).toEqual({
      kind: "expand",
      ids: [5],
      branching: 2,
    });
  });

  it("descends to the least visited child when exploration outweighs the means", () => {
    expect(selectOnce(create(2), knownStats())).toMatchObject({ kind: "expand", ids: [2] });
    expect(selectOnce(create(), knownStats())).toMatchObject({ kind: "expand", ids: [2] });
  });

  it("tries a child with no visits before any visited sibling", () => {
    const stats = knownStats();
    delete stats.stats[4];
    expect(selectOnce(create(0), stats)).toMatchObject({ kind: "expand", ids: [4] });
  });

  it("stops when nothing below the root can be expanded", () => {
    const closed = tree.map((n) =>
      n.status === "open" ? { ...n, status: "terminal" as const } : n,
    );
    expect(selectOnce(create(0), knownStats(), closed)).toEqual({ kind: "stop" });
  });
});

describe("mcts: backpropagation", () => {
  it("scores the new children and backs the best one's value up the path to the root", () => {
    const strategy = create(0);
    const stats = knownStats();
    // Node 5 was selected (see above) and expanded into 6 (0.4), 7 (0.9) and 8, an invalid step.
    const grown = [
      ...tree.slice(0, 5),
      node(5, 3, 2, "expanded", 0.6),
      node(6, 5, 3, "open", 0.4),
      node(7, 5, 3, "open", 0.9),
      node(8, 5, 3, "invalid"),
    ];
    const update = strategy.update(stats, viewOf(grown), [5], [6, 7, 8]);
    expect(update.prune).toEqual([]);
    const after = update.state.stats;
    expect(after[6]).toEqual([1, 0.4]);
    expect(after[7]).toEqual([1, 0.9]);
    expect(after[8]).toBeUndefined();
    // The path 5 → 3 → 0 gains one visit and the best new value, 0.9, each.
    for (const [id, visits, total] of [
      [5, 2, 1.5],
      [3, 3, 2.5],
      [0, 10, 7.0],
    ] as const) {
      expect(after[id]?.[0], `visits of ${id}`).toBe(visits);
      expect(after[id]?.[1], `total of ${id}`).toBeCloseTo(total, 10);
    }
    // Nodes off the path are untouched.
    expect([after[1], after[2], after[4]]).toEqual([
      [6, 4.2],
      [1, 0.3],
      [1, 0.2],
    ]);
    expect(update.visits).toEqual([
      [6, 1],
      [7, 1],
      [5, 2],
      [3, 3],
      [0, 10],
    ]);
    // The next descent follows the backed-up means: 3 (2.5/3), then 5 (1.5/2), then 7 (0.9).
    expect(selectOnce(strategy, update.state, grown)).toMatchObject({ kind: "expand", ids: [7] });
  });
});
