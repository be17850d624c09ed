import { type StrategyOption, think } from "@deliberate/core";
import type { CaseOutcome, EvaluationMethod, MethodRun } from "./method.js";

/** What {@link runSearch} runs. */
export interface SearchSpec {
  readonly strategy: StrategyOption;
  /**
   * Independent sampled chains scored only by the exact verifier (best-of-N), instead of a search
   * that judges states with the model's value words. @default false
   */
  readonly chains?: boolean;
  /** Stop at the first verified answer. @default true */
  readonly stopOnSolution?: boolean;
}

/**
 * Runs one search on the case's task through `think`. A search proposes with the task's propose
 * prompt when it has one (as ToT does) and judges states with the model's own value words; the
 * task's exact verifier only decides which finished answer counts.
 */
export async function runSearch(run: MethodRun, spec: SearchSpec): Promise<CaseOutcome> {
  const task = run.evalCase.createTask();
  const chains = spec.chains === true;
  const started = performance.now();
  const result = await think(task, {
    model: run.model,
    strategy: spec.strategy,
    generator: task.proposePrompt && !chains ? "propose" : "sample",
    evaluator: chains ? "verifier" : "value",
    temperature: run.settings.temperature,
    seed: run.seed,
    concurrency: run.settings.concurrency,
    stopOnSolution: spec.stopOnSolution ?? true,
    // A row of the table is its method's fixed shape: it ends when the shape does.
    onExhausted: "stop",
    budget: { time: Math.max(1, run.budgetMs), nodes: run.settings.maxNodes },
    ...(run.signal ? { signal: run.signal } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.signal?.aborted) throw run.signal.reason;
  // The engine's verifier already chose the answer; checking it again here keeps every "solved"
  // in a report exact, whatever task a caller brings.
  const solved = result.answer !== undefined && run.evalCase.checkAnswer(result.answer);
  return {
    case: run.evalCase.id,
    solved,
    ...(result.answer === undefined ? {} : { answer: result.answer }),
    stopReason: result.stopReason,
    promptTokens: result.usage.promptTokens,
    evaluatedPromptTokens: result.usage.evaluatedPromptTokens,
    generatedTokens: result.usage.generatedTokens,
    calls: result.usage.calls,
    seconds,
  };
}

/** ToT's breadth-first search keeping the best state of each level. */
export const totBeam1Method: EvaluationMethod = {
  id: "tot-b1",
  label: (settings) => `ToT beam b=1 (${settings.branching} a state)`,
  kind: "search",
  run: (run) =>
    runSearch(run, { strategy: { name: "beam", width: 1, branching: run.settings.branching } }),
};

/** ToT's breadth-first search keeping the best five states of each level. */
export const totBeam5Method: EvaluationMethod = {
  id: "tot-b5",
  label: (settings) => `ToT beam b=5 (${settings.branching} a state)`,
  kind: "search",
  run: (run) =>
    runSearch(run, { strategy: { name: "beam", width: 5, branching: run.settings.branching } }),
};

/** Depth-first search that prunes children the model values below one half and backtracks. */
export const dfsMethod: EvaluationMethod = {
  id: "dfs",
  label: (settings) => `DFS (${settings.branching} a state)`,
  kind: "search",
  run: (run) => runSearch(run, { strategy: { name: "dfs", branching: run.settings.branching } }),
};

/** Monte Carlo tree search (UCT) over the model's values. */
export const mctsMethod: EvaluationMethod = {
  id: "mcts",
  label: (settings) => `MCTS (${settings.branching} a state)`,
  kind: "search",
  run: (run) => runSearch(run, { strategy: { name: "mcts", branching: run.settings.branching } }),
};
