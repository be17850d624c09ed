import type { OutputConstraint, PromptSegment } from "../model/model.js";
import type { ThoughtTool, ToolCall } from "../tools/thought-tool.js";
import type { Observation } from "../tree/schema.js";

/** One step of a path: the text a model wrote, with its token ids when the backend gave them. */
export interface ThoughtStep {
  readonly text: string;
  readonly tokens?: readonly number[];
  /** What the tool this step called gave: untrusted data for the prompts below this step. */
  readonly observation?: Observation;
}

/** A state in the reinforcement-learning sense: the task's own data plus the path that led to it. */
export interface TaskNode<S> {
  readonly state: S;
  /** Steps from the root to this state, the root excluded. */
  readonly path: readonly ThoughtStep[];
  readonly depth: number;
}

/** A prompt a task builds for one purpose, with the generation settings that purpose needs. */
export interface TaskPrompt {
  readonly segments: readonly PromptSegment[];
  readonly stop?: readonly string[];
  /** Overrides the search's `maxStepTokens` for this prompt. */
  readonly maxTokens?: number;
  readonly constraint?: OutputConstraint;
}

/** What applying one written step to a state gives. */
export type StepOutcome<S> =
  | {
      readonly kind: "step";
      readonly state: S;
      /** The step as it should be shown and kept, when the task normalizes the model's text. */
      readonly thought?: string;
    }
  | {
      readonly kind: "answer";
      readonly state: S;
      readonly answer: string;
      readonly thought?: string;
    }
  | {
      /** The step asks for a tool: the engine runs it and keeps its observation on the new node. */
      readonly kind: "tool";
      readonly state: S;
      readonly call: ToolCall;
      readonly thought?: string;
    }
  | { readonly kind: "invalid"; readonly reason: string };

/** Words a model may answer an evaluation prompt with, and the value each means. */
export interface ValueScale {
  readonly words: readonly string[];
  /** Same length as `words`, each in [0, 1]. */
  readonly values: readonly number[];
}

/**
 * A problem the engine can search. The generic question task ({@link createQuestionTask}) has the
 * path as its only state; structured tasks (Game of 24, ...) bring their own state, prompts and an
 * exact verifier.
 *
 * States must be plain JSON data: they are saved in the tree.
 */
export interface Task<S = unknown> {
  /** Short name saved in the tree, e.g. `question` or `game24`. */
  readonly name: string;
  /** The problem as a person reads it; the root of the tree shows it. */
  readonly question: string;
  readonly initialState: S;
  /** A path longer than this never ends in an answer; the strategies stop expanding it. */
  readonly maxDepth: number;
  /** Prompt for one next step (the `sample` generator asks it k times). */
  stepPrompt(node: TaskNode<S>): TaskPrompt;
  /** Prompt whose reply lists several next steps (the `propose` generator). */
  proposePrompt?(node: TaskNode<S>, count: number): TaskPrompt;
  /** Splits a proposal reply into step texts. @default one step a non-empty line */
  splitProposals?(text: string, node: TaskNode<S>): string[];
  /** Tools a step may call (a `tool` outcome of {@link Task.applyStep} names one). @default none */
  readonly tools?: readonly ThoughtTool[];
  /** Applies a written step: a new state, a tool call, a final answer, or why the step is invalid. */
  applyStep(text: string, node: TaskNode<S>): StepOutcome<S>;
  /** Prompt asking the model how promising a state is (the `value` evaluator). */
  valuePrompt?(node: TaskNode<S>): TaskPrompt;
  /** The words the value prompt is answered with. @default sure/likely/impossible → 1/0.5/0.001 */
  readonly valueScale?: ValueScale;
  /** Prompt asking the model to choose the best of several states (the `vote` evaluator). */
  votePrompt?(parent: TaskNode<S>, candidates: readonly TaskNode<S>[]): TaskPrompt;
  /** Index of the chosen candidate in a vote reply, or `undefined` when it names none. */
  parseVote?(text: string, count: number): number | undefined;
  /**
   * Exact score in [0, 1] of a state, when the task can tell: 1 for a correct answer, 0 for a
   * wrong one or a dead end. `undefined` when it cannot tell.
   */
  verify?(node: TaskNode<S>, answer: string | undefined): number | undefined;
  /**
   * A key that is equal for states that are the same problem, whatever the path to them (Game of
   * 24: the numbers left). Search strategies keep one node a state and prune the repeats, so a
   * beam does not spend its width on one state twice. @default none: no two states are the same
   */
  stateKey?(state: S): string;
}

/** The default {@link ValueScale}, the ToT paper's. */
export const defaultValueScale: ValueScale = Object.freeze({
  words: Object.freeze(["sure", "likely", "impossible"]),
  values: Object.freeze([1, 0.5, 0.001]),
});
