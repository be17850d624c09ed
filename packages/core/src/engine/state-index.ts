import type { Task } from "../task/task.js";
import type { TreeNode } from "../tree/schema.js";
import type { TreeRecorder } from "../tree/tree-recorder.js";

function isLive(node: TreeNode | undefined): boolean {
  return node?.status === "open" || node?.status === "expanded";
}

/**
 * Finds, for a node, an earlier node of the tree in the same task state (the task's `stateKey`):
 * a transposition, such as two Game-of-24 paths that reach the same numbers left in another order.
 * Indexes nodes as they appear, so each is keyed once; liveness is read when asked, since a twin
 * pruned or failed since then no longer stands for the state.
 */
export class StateIndex {
  private readonly ids = new Map<string, number[]>();
  private indexed = 0;

  constructor(
    private readonly task: Task<unknown>,
    private readonly tree: TreeRecorder,
  ) {}

  /** The earliest live, non-terminal node before `node` with the same state key, if any. */
  twinOf(node: TreeNode): number | undefined {
    if (!this.task.stateKey || node.status === "terminal") return undefined;
    this.catchUp();
    const key = this.keyOf(node);
    if (key === undefined) return undefined;
    return this.ids.get(key)?.find((id) => id < node.id && isLive(this.tree.nodes[id]));
  }

  /**
   * An earlier node in the same state that an evaluator already scored, if any, whatever became
   * of it: its evaluation stands for this node too, so no state is evaluated twice.
   */
  scoredTwinOf(node: TreeNode): TreeNode | undefined {
    if (!this.task.stateKey || node.status === "terminal") return undefined;
    this.catchUp();
    const key = this.keyOf(node);
    if (key === undefined) return undefined;
    for (const id of this.ids.get(key) ?? []) {
      if (id >= node.id) break;
      const twin = this.tree.nodes[id] as TreeNode;
      if (twin.status !== "terminal" && twin.scores.some((score) => score.source !== "verifier")) {
        return twin;
      }
    }
    return undefined;
  }

  /** The state key of a node, when the task has one and the node a usable state. */
  keyOf(node: TreeNode): string | undefined {
    if (node.state === undefined || node.status === "invalid") return undefined;
    try {
      return this.task.stateKey?.(node.state);
    } catch {
      // A task whose key function fails on a state just loses the dedupe for it.
      return undefined;
    }
  }

  private catchUp(): void {
    const nodes = this.tree.nodes;
    for (; this.indexed < nodes.length; this.indexed++) {
      const node = nodes[this.indexed] as TreeNode;
      const key = this.keyOf(node);
      if (key === undefined) continue;
      const ids = this.ids.get(key);
      if (ids) ids.push(node.id);
      else this.ids.set(key, [node.id]);
    }
  }
}
