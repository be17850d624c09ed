import type {
  ModelReply,
  ModelRequest,
  ScoreOptionsReply,
  ScoreOptionsRequest,
} from "../model/model.js";
import type { Task, TaskNode } from "../task/task.js";
import type { TreeNode } from "../tree/schema.js";

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

/** How a model call made through a scope ended. A failed call never throws. */
export type CallOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** `budget`: the budget had no room for it; `aborted`: the search stopped. */
      readonly reason: "budget" | "error" | "aborted";
      readonly message: string;
    };

/** A node of the tree as a plug-in sees it: read only. */
export type NodeView = Readonly<TreeNode>;

/**
 * What a generator or evaluator works with: the task, the tree read only, the settings, and model
 * calls that the search queues, budgets, retries and counts. It never hands out the engine's own
 * gate or recorder: a plug-in cannot write the tree or call the model around the budget.
 */
export interface SearchScope {
  readonly task: Task<unknown>;
  readonly settings: SearchSettings;
  /** The model's id (a cache key: the same prompt means something else to another model). */
  readonly modelId: string;
  /** Whether the model can score fixed continuations ({@link SearchScope.scoreOptions}). */
  readonly canScoreOptions: boolean;
  node(id: number): NodeView;
  /** The task's view of node `id`: its state and the path from the root. */
  taskNode(id: number): TaskNode<unknown>;
  /**
   * Asks the model for completions. `priority` orders queued calls (the state's score is a good
   * one); the budget caps `maxTokens` and refuses calls once it is spent.
   */
  generate(
    request: Omit<ModelRequest, "signal">,
    priority: number,
    signal: AbortSignal,
  ): Promise<CallOutcome<ModelReply>>;
  /** Asks the model for the probability of each option (when {@link canScoreOptions}). */
  scoreOptions(
    request: Omit<ScoreOptionsRequest, "signal">,
    priority: number,
    signal: AbortSignal,
  ): Promise<CallOutcome<ScoreOptionsReply>>;
  /** A fresh seed; the next `count - 1` seeds after it are reserved too. */
  nextSeed(count: number): number;
}
