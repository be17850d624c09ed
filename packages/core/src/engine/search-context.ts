import type { SearchScope, SearchSettings } from "../plugins/search-scope.js";
import type { Task, TaskNode, ThoughtStep } from "../task/task.js";
import type { TreeRecorder } from "../tree/tree-recorder.js";
import type { ModelGate } from "./model-gate.js";

/**
 * What the engine's own steps work with: the task, the gated model, the writable tree. Plug-ins
 * get only its read-only {@link SearchScope}.
 */
export interface SearchContext {
  readonly task: Task<unknown>;
  readonly gate: ModelGate;
  readonly tree: TreeRecorder;
  readonly settings: SearchSettings;
  readonly scope: SearchScope;
  taskNode(id: number): TaskNode<unknown>;
}

/** Builds the task's view of a node from the tree. */
export function readTaskNode(tree: TreeRecorder, id: number): TaskNode<unknown> {
  const ids = tree.pathTo(id);
  const path: ThoughtStep[] = ids.slice(1).map((step) => {
    const node = tree.node(step);
    return {
      text: node.text,
      ...(node.tokens ? { tokens: node.tokens } : {}),
      ...(node.observation ? { observation: node.observation } : {}),
    };
  });
  const node = tree.node(id);
  return { state: node.state, path, depth: node.depth };
}

/**
 * The engine's context and the scope handed to plug-ins: the scope reads the tree and calls the
 * model through the gate, but holds neither.
 */
export function createSearchContext(parts: {
  readonly task: Task<unknown>;
  readonly gate: ModelGate;
  readonly tree: TreeRecorder;
  readonly settings: SearchSettings;
  readonly nextSeed: (count: number) => number;
}): SearchContext {
  const { task, gate, tree, settings, nextSeed } = parts;
  const taskNode = (id: number) => readTaskNode(tree, id);
  const scope: SearchScope = Object.freeze({
    task,
    settings,
    modelId: gate.model.id,
    canScoreOptions: typeof gate.model.scoreOptions === "function",
    node: (id: number) => tree.node(id),
    taskNode,
    generate: gate.generate.bind(gate),
    scoreOptions: gate.scoreOptions.bind(gate),
    nextSeed,
  });
  return { task, gate, tree, settings, scope, taskNode };
}
