import type {
  NodeScore,
  NodeStatus,
  NodeUsage,
  Observation,
  SearchEvent,
  SearchTree,
  TreeNode,
} from "./schema.js";
import { TREE_FORMAT_VERSION } from "./schema.js";

/** An event before the recorder numbers and timestamps it. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewEvent = DistributiveOmit<SearchEvent, "seq" | "t">;

export type EventListener = (event: SearchEvent) => void;

/** The fields a new node may be created with. */
export interface NewNode {
  readonly parent: number;
  readonly text: string;
  readonly tokens?: readonly number[];
  readonly state?: unknown;
  readonly status?: NodeStatus;
  readonly reason?: string;
  readonly raw?: string;
  readonly answer?: string;
  readonly observation?: Observation;
  readonly usage?: NodeUsage;
}

const noUsage = (): NodeUsage => ({
  promptTokens: 0,
  evaluatedPromptTokens: 0,
  generatedTokens: 0,
  ms: 0,
});

/**
 * The tree of one search while it grows: nodes by id, the ordered event log, and the listeners
 * that follow it. Every change goes through a method that records an event, so the log replays
 * the tree exactly.
 */
export class TreeRecorder {
  readonly nodes: TreeNode[];
  readonly events: SearchEvent[];
  private readonly listeners = new Set<EventListener>();
  /** Child ids by parent id, so walking the tree never scans every node. */
  private readonly childIds: number[][] = [];
  /** Milliseconds of search time before this process took over (a resumed search). */
  private clock: () => number;

  constructor(tree: Pick<SearchTree, "nodes" | "events">, clock: () => number) {
    this.nodes = tree.nodes;
    this.events = tree.events;
    this.clock = clock;
    for (const node of this.nodes) {
      this.childIds.push([]);
      if (node.parent !== null) this.childIds[node.parent]?.push(node.id);
    }
  }

  /** Starts a tree whose root holds the question. */
  static start(question: string, state: unknown, clock: () => number): TreeRecorder {
    const root: TreeNode = {
      id: 0,
      parent: null,
      depth: 0,
      text: question,
      state,
      status: "open",
      scores: [],
      usage: noUsage(),
      createdAt: 0,
    };
    return new TreeRecorder({ nodes: [root], events: [] }, clock);
  }

  setClock(clock: () => number): void {
    this.clock = clock;
  }

  now(): number {
    return this.clock();
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: NewEvent): SearchEvent {
    const full = { ...event, seq: this.events.length, t: this.clock() } as SearchEvent;
    this.events.push(full);
    for (const listener of this.listeners) {
      try {
        listener(full);
      } catch {
        // A listener's failure is the listener's: the search and the other listeners go on.
      }
    }
    return full;
  }

  node(id: number): TreeNode {
    const node = this.nodes[id];
    if (!node) throw new RangeError(`No node ${id} in a tree of ${this.nodes.length}`);
    return node;
  }

  add(fields: NewNode): TreeNode {
    const parent = this.node(fields.parent);
    const node: TreeNode = {
      id: this.nodes.length,
      parent: parent.id,
      depth: parent.depth + 1,
      text: fields.text,
      status: fields.status ?? "open",
      scores: [],
      usage: fields.usage ?? noUsage(),
      createdAt: this.clock(),
    };
    if (fields.tokens) node.tokens = [...fields.tokens];
    if (fields.state !== undefined) node.state = fields.state;
    if (fields.reason !== undefined) node.reason = fields.reason;
    if (fields.raw !== undefined) node.raw = fields.raw;
    if (fields.answer !== undefined) node.answer = fields.answer;
    if (fields.observation !== undefined) node.observation = { ...fields.observation };
    this.nodes.push(node);
    this.childIds.push([]);
    this.childIds[parent.id]?.push(node.id);
    this.emit({ type: "created", id: node.id, parent: parent.id });
    if (node.status !== "open") {
      this.emit({ type: "status", id: node.id, status: node.status, reason: node.reason });
    }
    return node;
  }

  setStatus(id: number, status: NodeStatus, reason?: string): void {
    const node = this.node(id);
    if (node.status === status && node.reason === reason) return;
    node.status = status;
    if (reason === undefined) delete node.reason;
    else node.reason = reason;
    this.emit({ type: "status", id, status, reason });
  }

  score(id: number, scores: readonly NodeScore[], score: number): void {
    const node = this.node(id);
    node.scores.push(...scores);
    node.score = score;
    this.emit({ type: "scored", id, score, scores: [...scores] });
  }

  addUsage(id: number, usage: NodeUsage): void {
    const node = this.node(id);
    node.usage = {
      promptTokens: node.usage.promptTokens + usage.promptTokens,
      evaluatedPromptTokens: node.usage.evaluatedPromptTokens + usage.evaluatedPromptTokens,
      generatedTokens: node.usage.generatedTokens + usage.generatedTokens,
      ms: node.usage.ms + usage.ms,
    };
  }

  /** Node ids from the root to `id`. */
  pathTo(id: number): number[] {
    const ids: number[] = [];
    for (let node: TreeNode | undefined = this.node(id); node; ) {
      ids.push(node.id);
      node = node.parent === null ? undefined : this.nodes[node.parent];
    }
    return ids.reverse();
  }

  children(id: number): TreeNode[] {
    return (this.childIds[id] ?? []).map((child) => this.node(child));
  }

  toTree(meta: Omit<SearchTree, "format" | "version" | "nodes" | "events">): SearchTree {
    return {
      format: "deliberate.tree",
      version: TREE_FORMAT_VERSION,
      ...meta,
      nodes: this.nodes,
      events: this.events,
    };
  }
}
