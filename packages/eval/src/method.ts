import type { Model, StopReason } from "@deliberate/core";
import type { EvaluationCase } from "./cases.js";

/** The methods of the ToT paper's table, plus a greedy chain of thought. */
export const METHOD_IDS = [
  "io",
  "cot",
  "cot-greedy",
  "cot-sc",
  "tot-b1",
  "tot-b5",
  "dfs",
  "mcts",
  "best-of-n",
] as const;
export type MethodId = (typeof METHOD_IDS)[number];

/** How a row was produced: one model call, a tree search, or best-of-N sized to a search. */
export type MethodKind = "single-pass" | "search" | "best-of-n";

/** Settings every method reads; the harness fills them from its options. */
export interface MethodSettings {
  readonly temperature: number;
  /** Children asked for each expanded state. */
  readonly branching: number;
  /** Samples of CoT self-consistency. */
  readonly samples: number;
  /** Most nodes one search may grow. */
  readonly maxNodes: number;
  /** Model calls in flight at once. */
  readonly concurrency: number;
}

/** One method on one case. */
export interface MethodRun {
  readonly model: Model;
  readonly evalCase: EvaluationCase;
  /** Think time the case may take. */
  readonly budgetMs: number;
  readonly seed: number;
  readonly settings: MethodSettings;
  readonly signal?: AbortSignal;
}

/** What one method did on one case. */
export interface CaseOutcome {
  readonly case: string;
  /** Whether the answer passed the exact check. */
  readonly solved: boolean;
  readonly answer?: string;
  /** Why it stopped; single-pass calls stop `solved`/`exhausted` on a reply, `budget` on the deadline. */
  readonly stopReason: StopReason;
  readonly promptTokens: number;
  /** Prompt tokens the model actually evaluated (the rest came from its cache). */
  readonly evaluatedPromptTokens: number;
  readonly generatedTokens: number;
  readonly calls: number;
  /** Wall-clock seconds, the model's work and the harness's together. */
  readonly seconds: number;
}

/** A method of the table: a label as the paper writes it and how to run it on one case. */
export interface EvaluationMethod {
  readonly id: MethodId;
  /** The row's name in the table, as the paper writes it, with the settings that shape it. */
  label(settings: MethodSettings): string;
  readonly kind: MethodKind;
  run(run: MethodRun): Promise<CaseOutcome>;
}
