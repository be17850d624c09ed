import type { SearchEvent, SearchTree, TreeNode } from "@deliberate/core";
import { toViewerNode } from "../html/viewer-tree.js";

/**
 * One message of the live stream: an event, the latest snapshot of the node it concerns, and
 * the best path or stop reason when they change. The page applies them in order.
 */
export interface LiveMessage {
  event?: SearchEvent;
  node?: TreeNode;
  bestPath?: number[];
  stopReason?: string;
}

/** What the live server knows of the running search, and every message it has sent. */
export interface LiveLog {
  /** Serialized messages in order; a page that has seen `n` of them resumes from index `n`. */
  readonly messages: readonly string[];
  record(event: SearchEvent, node?: TreeNode): string[];
  sync(tree: SearchTree): string[];
  snapshot(): SearchTree;
}

const NODE_EVENTS = new Set(["created", "scored", "status", "solution"]);

/**
 * Creates the log. Events are deduplicated by `seq`, so a caller may both push events and sync
 * whole trees without sending anything twice. Node snapshots are copied when recorded: the
 * engine keeps mutating its own nodes after an event.
 */
export function createLiveLog(initial?: SearchTree): LiveLog {
  const header = {
    question: initial?.question ?? "",
    task: initial?.task ?? "question",
    strategy: initial?.strategy ?? "",
    model: initial?.model,
  };
  const nodes = new Map<number, TreeNode>();
  const events: SearchEvent[] = [];
  const messages: string[] = [];
  let bestPath: number[] | undefined;
  let stopReason: string | undefined;
  let lastSeq = -1;

  function send(message: LiveMessage): string {
    const line = JSON.stringify(
      message.node ? { ...message, node: toViewerNode(message.node) } : message,
    );
    messages.push(line);
    return line;
  }

  function record(event: SearchEvent, node?: TreeNode): string[] {
    if (event.seq <= lastSeq) return [];
    lastSeq = event.seq;
    events.push(event);
    if (event.type === "started") {
      header.question ||= event.question;
      header.strategy ||= event.strategy;
      if (!nodes.has(0)) nodes.set(0, placeholderNode(0, null, 0, event.question, event.t));
    }
    if (event.type === "stopped") stopReason = event.stopReason;
    let snapshot: TreeNode | undefined;
    if (node) snapshot = structuredClone(node);
    else if (NODE_EVENTS.has(event.type) && "id" in event) snapshot = applyEvent(nodes, event);
    if (snapshot) nodes.set(snapshot.id, snapshot);
    const message: LiveMessage = { event };
    if (snapshot) message.node = snapshot;
    if (event.type === "stopped") message.stopReason = event.stopReason;
    return [send(message)];
  }

  function sync(tree: SearchTree): string[] {
    Object.assign(header, {
      question: tree.question,
      task: tree.task,
      strategy: tree.strategy,
      model: tree.model,
    });
    const sent: string[] = [];
    const byId = new Map(tree.nodes.map((node) => [node.id, node]));
    // Roots have no `created` event; the `started` event only gave a placeholder with the question.
    for (const node of tree.nodes) {
      if (node.parent !== null || JSON.stringify(nodes.get(node.id)) === JSON.stringify(node))
        continue;
      const copy = structuredClone(node);
      nodes.set(node.id, copy);
      sent.push(send({ node: copy }));
    }
    for (const event of tree.events) {
      if (event.seq <= lastSeq) continue;
      sent.push(...record(event, "id" in event ? byId.get(event.id) : undefined));
    }
    for (const node of tree.nodes) {
      if (nodes.has(node.id)) continue;
      const copy = structuredClone(node);
      nodes.set(node.id, copy);
      sent.push(send({ node: copy }));
    }
    const changedPath = JSON.stringify(tree.bestPath) !== JSON.stringify(bestPath);
    if (changedPath || tree.stopReason !== stopReason) {
      bestPath = tree.bestPath;
      stopReason = tree.stopReason ?? stopReason;
      sent.push(send({ ...(bestPath ? { bestPath } : {}), ...(stopReason ? { stopReason } : {}) }));
    }
    return sent;
  }

  function snapshot(): SearchTree {
    const list = [...nodes.values()].sort((a, b) => a.id - b.id);
    if (list.length === 0) list.push(placeholderNode(0, null, 0, header.question, 0));
    return {
      format: "deliberate.tree",
      version: 1,
      ...header,
      nodes: list,
      events: [...events],
      ...(bestPath ? { bestPath } : {}),
      ...(stopReason ? { stopReason } : {}),
    };
  }

  if (initial) sync(initial);
  messages.length = 0;
  return { messages, record, sync, snapshot };
}

/** Updates the log's copy of a node from an event that carried no node snapshot. */
function applyEvent(nodes: Map<number, TreeNode>, event: SearchEvent): TreeNode | undefined {
  if (event.type === "created") {
    const depth = (nodes.get(event.parent)?.depth ?? 0) + 1;
    return placeholderNode(event.id, event.parent, depth, "", event.t);
  }
  if (!("id" in event)) return undefined;
  const known = nodes.get(event.id);
  if (!known) return undefined;
  const node = structuredClone(known);
  if (event.type === "scored") {
    // Scores accumulate, as in the engine: a value first, a verifier's verdict later.
    Object.assign(node, { score: event.score, scores: [...node.scores, ...event.scores] });
  }
  if (event.type === "status") Object.assign(node, { status: event.status, reason: event.reason });
  if (event.type === "solution")
    Object.assign(node, { answer: event.answer, verified: event.verified });
  return node;
}

function placeholderNode(
  id: number,
  parent: number | null,
  depth: number,
  text: string,
  t: number,
): TreeNode {
  return {
    id,
    parent,
    depth,
    text,
    status: "open",
    scores: [],
    usage: { promptTokens: 0, evaluatedPromptTokens: 0, generatedTokens: 0, ms: 0 },
    createdAt: t,
  };
}
