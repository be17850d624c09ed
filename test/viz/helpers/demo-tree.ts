import type { SearchEvent, SearchTree, TreeNode } from "@deliberate/core";
import type { NodeScore, NodeStatus } from "@deliberate/core/tree";

interface Step {
  parent: number;
  text: string;
  status: NodeStatus;
  scores: NodeScore[];
  reason?: string;
  raw?: string;
  answer?: string;
  verified?: boolean;
}

const value = (v: number, detail: string): NodeScore => ({ source: "value", value: v, detail });
const verifier = (v: number, detail: string): NodeScore => ({
  source: "verifier",
  value: v,
  detail,
});

/** A beam search on Game of 24 as the engine would record it, written out by hand for the docs. */
const STEPS: Step[] = [
  {
    parent: 0,
    text: "13 - 9 = 4 (left: 4 4 10)",
    status: "expanded",
    scores: [value(0.82, "sure, sure, likely")],
  },
  {
    parent: 0,
    text: "10 - 4 = 6 (left: 6 9 13)",
    status: "expanded",
    scores: [value(0.64, "likely, likely, sure")],
  },
  {
    parent: 0,
    text: "9 + 13 = 22 (left: 4 10 22)",
    status: "pruned",
    scores: [value(0.31, "likely, impossible, likely")],
    reason: "value 0.31 is outside the beam (width 2)",
  },
  {
    parent: 0,
    text: "4 * 9 = 36 (left: 10 13 36)",
    status: "pruned",
    scores: [value(0.12, "impossible ×3")],
    reason: "value 0.12 is outside the beam (width 2)",
  },
  {
    parent: 0,
    text: "Let me think about 13 and 10 first",
    status: "invalid",
    scores: [],
    reason: "no step of the form `a op b = c (left: …)`",
    raw: "Let me think about 13 and 10 first. Maybe multiply everything together and see?",
  },
  {
    parent: 1,
    text: "10 - 4 = 6 (left: 4 6)",
    status: "expanded",
    scores: [value(0.93, "sure ×3")],
  },
  {
    parent: 1,
    text: "4 + 4 = 8 (left: 8 10)",
    status: "pruned",
    scores: [value(0.48, "likely, impossible, likely")],
    reason: "value 0.48 is outside the beam (width 2)",
  },
  {
    parent: 1,
    text: "10 / 4 = 2.5 (left: 2.5 4)",
    status: "pruned",
    scores: [value(0.2, "impossible, impossible, likely")],
    reason: "value 0.20 is outside the beam (width 2)",
  },
  {
    parent: 2,
    text: "13 - 9 = 4 (left: 4 6)",
    status: "expanded",
    scores: [value(0.9, "sure, sure, sure")],
  },
  {
    parent: 2,
    text: "6 * 9 = 54 (left: 13 54)",
    status: "pruned",
    scores: [value(0.05, "impossible ×3")],
    reason: "value 0.05 is outside the beam (width 2)",
  },
  {
    parent: 2,
    text: "",
    status: "failed",
    scores: [],
    reason: "model call timed out after 5000 ms",
  },
  {
    parent: 6,
    text: "4 * 6 = 24 (left: 24)",
    status: "terminal",
    scores: [value(1, "sure ×3"), verifier(1, "(13 - 9) * (10 - 4) = 24 ✓")],
    answer: "(13 - 9) * (10 - 4) = 24",
    verified: true,
  },
  {
    parent: 6,
    text: "6 - 4 = 2 (left: 2)",
    status: "pruned",
    scores: [value(0.02, "impossible ×3"), verifier(0, "2 ≠ 24")],
    reason: "the verifier rejects 2",
  },
  {
    parent: 9,
    text: "6 * 4 = 24 (left: 24)",
    status: "terminal",
    scores: [value(0.97, "sure ×3"), verifier(1, "(10 - 4) * (13 - 9) = 24 ✓")],
    answer: "(10 - 4) * (13 - 9) = 24",
    verified: true,
  },
  {
    parent: 9,
    text: "6 + 4 = 10 (left: 10)",
    status: "pruned",
    scores: [value(0.01, "impossible ×3"), verifier(0, "10 ≠ 24")],
    reason: "the verifier rejects 10",
  },
];

/** The numbers a Game of 24 step leaves, as the game24 task keeps them in the node's state. */
function readState(text: string): { state?: { left: number[] } } {
  const left = /\(left: ([\d. ]+)\)/.exec(text)?.[1];
  return left ? { state: { left: left.trim().split(" ").map(Number) } } : {};
}

/**
 * Builds the demo tree with a consistent event log: each layer is selected, its children are
 * created and scored, then their statuses and solutions land.
 */
export function buildDemoTree(): SearchTree {
  const question = "Use 4 9 10 13 and + - * / to make 24";
  const usage = { promptTokens: 96, evaluatedPromptTokens: 96, generatedTokens: 0, ms: 0 };
  const nodes: TreeNode[] = [
    {
      id: 0,
      parent: null,
      depth: 0,
      text: question,
      status: "expanded",
      scores: [],
      usage,
      createdAt: 0,
    },
  ];
  const events: SearchEvent[] = [];
  let t = 0;
  const emit = (event: Record<string, unknown>) => {
    t += 37 + ((events.length * 53) % 140);
    events.push({ ...event, seq: events.length, t } as SearchEvent);
  };
  emit({ type: "started", question, strategy: "beam" });
  for (const parent of [0, 1, 2, 6, 9]) {
    emit({ type: "selected", ids: [parent] });
    emit({ type: "status", id: parent, status: "expanded" });
    const children = STEPS.map((step, i) => ({ step, id: i + 1 })).filter(
      ({ step }) => step.parent === parent,
    );
    for (const { step, id } of children) {
      const depth = (nodes[parent]?.depth ?? 0) + 1;
      const generatedTokens = 14 + ((id * 7) % 23);
      const score = step.scores.at(-1)?.value;
      nodes.push({
        id,
        parent,
        depth,
        text: step.text,
        ...readState(step.text),
        status: step.status,
        scores: step.scores,
        ...(score === undefined ? {} : { score }),
        ...(step.reason ? { reason: step.reason } : {}),
        ...(step.raw ? { raw: step.raw } : {}),
        ...(step.answer ? { answer: step.answer, verified: step.verified } : {}),
        usage: {
          promptTokens: 180 + depth * 40,
          evaluatedPromptTokens: 42,
          generatedTokens,
          ms: generatedTokens * 11,
        },
        createdAt: t,
      });
      emit({ type: "created", id, parent });
      const [first] = step.scores;
      if (first) emit({ type: "scored", id, score: first.value, scores: [first] });
    }
    for (const { step, id } of children) {
      for (const later of step.scores.slice(1)) {
        emit({ type: "scored", id, score: later.value, scores: [later] });
      }
      if (step.status !== "expanded")
        emit({ type: "status", id, status: step.status, reason: step.reason });
      if (step.answer) emit({ type: "solution", id, answer: step.answer, verified: step.verified });
    }
    emit({
      type: "budget",
      elapsedMs: t,
      nodes: nodes.length,
      promptTokens: nodes.length * 210,
      generatedTokens: nodes.length * 24,
      calls: nodes.length,
    });
  }
  emit({ type: "stopped", stopReason: "solved", answer: "(13 - 9) * (10 - 4) = 24" });
  nodes.sort((a, b) => a.id - b.id);
  return {
    format: "deliberate.tree",
    version: 1,
    question,
    task: "game24",
    strategy: "beam",
    model: "qwen2.5-1.5b-instruct-q4_k_m.gguf",
    nodes,
    events,
    bestPath: [0, 1, 6, 12],
    stopReason: "solved",
  };
}
