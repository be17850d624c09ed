import type { Task, TaskNode, ThoughtStep } from "../task/task.js";
import type { TreeRecorder } from "../tree/tree-recorder.js";
import type { ModelGate } from "./model-gate.js";

/** Settings of one search that generators and evaluators read. */
export interface SearchSettings {
  readonly temperature: number;
  readonly maxStepTokens: number;
  /** Samples the `value` and `vote` evaluators draw per state when sampling. */
  readonly evaluationSamples: number;
  /** Whether generators ask for token log-probabilities (the `confidence` evaluator needs them). */
  readonly logprobs: boolean;
  /** A tool call that takes longer is abandoned and observed as an error. */
  readonly toolTimeoutMs: number;
  /** Longest observation kept; a longer tool output is cut, and the observation says so. */
  readonly maxObservationChars: number;
}

/** What generators and evaluators work with: the task, the gated model, the tree, the settings. */
export interface SearchContext {
  readonly task: Task<unknown>;
  readonly gate: ModelGate;
  readonly tree: TreeRecorder;
  readonly settings: SearchSettings;
  /** A fresh seed; the next `count - 1` seeds after it are reserved too. */
  nextSeed(count: number): number;
  /** The task's view of node `id`: its state and the path from the root. */
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
