import type { SearchEvent, SearchTree, TreeNode } from "@deliberate/core";
import { createRandom } from "@deliberate/core/task";
import type { NodeScore, NodeStatus } from "@deliberate/core/tree";

/** Options of {@link sampleTree}. */
export interface SampleTreeOptions {
  /**
   * Number of nodes, the root included.
   * @default 40
   */
  nodes?: number;
  /**
   * Seed of the generator: the same seed gives the same tree.
   * @default 1
   */
  seed?: number;
  /**
   * Most children one node gets.
   * @default 4
   */
  branching?: number;
  /**
   * Texts used for thoughts in turn, before generated ones: put hostile strings here to test escaping.
   * @default []
   */
  texts?: readonly string[];
}

const STEPS = [
  "13 - 9 = 4",
  "10 - 4 = 6",
  "4 * 6 = 24",
  "9 + 13 = 22",
  "22 + 4 = 26",
  "10 / 4 = 2.5",
];

/**
 * Generates a valid search tree of `nodes` nodes with a consistent event log (`started`,
 * `selected`, `created`, `scored`, `status`, `solution`, `budget`, `stopped`), every status, scores
 * from several sources and a best path. For tests, demos and the viewer benchmark; not a search.
 *
 * @example
 * ```ts
 * const tree = sampleTree({ nodes: 10_000, seed: 7 });
 * await writeFile("big.html", renderHtml(tree));
 * ```
 */
export function sampleTree(options: SampleTreeOptions = {}): SearchTree {
  const { nodes: count = 40, seed = 1, branching = 4, texts = [] } = options;
  const random = createRandom(seed);
  const question = "Use 4 9 10 13 and + - * / to make 24";
  const events: SearchEvent[] = [];
  let clock = 0;
  const emit = (event: Record<string, unknown>) => {
    clock += 1 + Math.floor(random() * 20);
    events.push({ ...event, seq: events.length, t: clock } as SearchEvent);
  };
  const root = buildNode(0, null, 0, question, "expanded", 0);
  const nodes: TreeNode[] = [root];
  emit({ type: "started", question, strategy: "beam" });
  const frontier = [0];
  while (nodes.length < count && frontier.length > 0) {
    const parentId = frontier.shift() as number;
    const parent = nodes[parentId] as TreeNode;
    emit({ type: "selected", ids: [parentId] });
    if (parent.status !== "expanded") {
      parent.status = "expanded";
      emit({ type: "status", id: parentId, status: "expanded" });
    }
    const kids = Math.min(count - nodes.length, 1 + Math.floor(random() * branching));
    for (let k = 0; k < kids; k++) {
      const id = nodes.length;
      const text = texts[id - 1] ?? `${STEPS[id % STEPS.length]} (step ${id})`;
      const node = buildNode(id, parentId, parent.depth + 1, text, "open", clock);
      node.usage = {
        promptTokens: 120 + id,
        evaluatedPromptTokens: 20,
        generatedTokens: 8 + (id % 30),
        ms: 15 + (id % 90),
      };
      nodes.push(node);
      emit({ type: "created", id, parent: parentId });
      const value = Math.round(random() * 100) / 100;
      const scores: NodeScore[] = [
        { source: "value", value, detail: value > 0.5 ? "likely" : "impossible" },
      ];
      if (random() < 0.3)
        scores.push({ source: "confidence", value: Math.round(random() * 100) / 100 });
      node.scores = scores;
      node.score = value;
      emit({ type: "scored", id, score: value, scores });
      const lastChild = k === kids - 1 && frontier.length === 0;
      const status = lastChild ? "open" : pickStatus(random(), value);
      if (status !== "open") {
        node.status = status;
        node.reason = describeReason(status, value);
        if (status === "invalid") node.raw = `I think the answer is ${text}`;
        emit({ type: "status", id, status, reason: node.reason });
      }
      if (status === "terminal") {
        node.answer = `(13 - 9) * (10 - 4) = 24`;
        node.verified = value > 0.5;
        emit({ type: "solution", id, answer: node.answer, verified: node.verified });
      }
      if (status === "open") frontier.push(id);
    }
    if (events.length % 50 < 4) {
      emit({
        type: "budget",
        elapsedMs: clock,
        nodes: nodes.length,
        promptTokens: nodes.length * 130,
        generatedTokens: nodes.length * 20,
        calls: nodes.length,
      });
    }
  }
  const bestPath = findBestPath(nodes);
  emit({ type: "stopped", stopReason: "budget", answer: nodes[bestPath.at(-1) ?? 0]?.answer });
  return {
    format: "deliberate.tree",
    version: 1,
    question,
    task: "game24",
    strategy: "beam",
    model: "synthetic:tiny",
    nodes,
    events,
    bestPath,
    stopReason: "budget",
  };
}

function buildNode(
  id: number,
  parent: number | null,
  depth: number,
  text: string,
  status: NodeStatus,
  createdAt: number,
): TreeNode {
  return {
    id,
    parent,
    depth,
    text,
    status,
    scores: [],
    usage: { promptTokens: 0, evaluatedPromptTokens: 0, generatedTokens: 0, ms: 0 },
    createdAt,
  };
}

function pickStatus(roll: number, value: number): NodeStatus {
  if (roll < 0.04) return "invalid";
  if (roll < 0.06) return "failed";
  if (roll < 0.1) return "terminal";
  return value < 0.3 ? "pruned" : "open";
}

function describeReason(status: NodeStatus, value: number): string | undefined {
  if (status === "pruned") return `value ${value.toFixed(2)} below the beam`;
  if (status === "invalid") return "the proposal does not parse as an arithmetic step";
  if (status === "failed") return "model call timed out after 5000 ms";
  return undefined;
}

/** The path to the best-scored terminal node, or to the best-scored node when none is terminal. */
function findBestPath(nodes: readonly TreeNode[]): number[] {
  const ranked = [...nodes].sort(
    (a, b) =>
      Number(b.status === "terminal") - Number(a.status === "terminal") ||
      (b.score ?? 0) - (a.score ?? 0),
  );
  const path: number[] = [];
  let current: TreeNode | undefined = ranked[0];
  while (current) {
    path.unshift(current.id);
    current = current.parent === null ? undefined : nodes[current.parent];
  }
  return path;
}
