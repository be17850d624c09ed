import type { BudgetLimit, ResolvedBudget } from "../budget/budget.js";
import type { Evaluator } from "../evaluators/evaluator.js";
import type { Generator } from "../generators/generator.js";
import type { ResolvedGuard } from "../guards/guard-option.js";
import type { Model } from "../model/model.js";
import type { SearchSettings } from "../plugins/search-scope.js";
import type { Result, StopReason } from "../search/result.js";
import type { SearchSnapshot } from "../search/snapshot.js";
import type { Selection, Strategy, StrategyView } from "../strategies/strategy.js";
import type { Task } from "../task/task.js";
import type { GuardRecord, NodeScore, SearchTree, TreeNode } from "../tree/schema.js";
import { TreeRecorder } from "../tree/tree-recorder.js";
import { BudgetMeter } from "./budget-meter.js";
import { type ExpandOptions, expandNode } from "./expand.js";
import { guardInput } from "./guard-input.js";
import { borrowScores, planEvaluations } from "./known-states.js";
import { type GateOptions, ModelGate } from "./model-gate.js";
import { buildResult, findBestAnswer, findBestPartial } from "./result.js";
import { findRoundTemperature, isBounded, Rounds } from "./rounds.js";
import { createSearchContext, type SearchContext } from "./search-context.js";
import { findConsensus, type SettleRule, SteadyAnswer } from "./settle.js";
import { StateIndex } from "./state-index.js";

/** Everything one search is made of, resolved from the options. */
export interface SearchConfig {
  readonly task: Task<unknown>;
  /** Deepest path: the task's own limit unless the options set one. */
  readonly maxDepth: number;
  readonly model: Model;
  readonly strategy: Strategy<unknown>;
  readonly generator: Generator;
  readonly evaluator: Evaluator;
  /** How the tree names the strategy, evaluator and generator, with their options. */
  readonly plugins?: SearchTree["plugins"];
  /** Checks run on the question before the search starts, in order. */
  readonly guards: readonly ResolvedGuard[];
  readonly budget: ResolvedBudget;
  readonly settings: SearchSettings;
  readonly gate: GateOptions;
  readonly seed: number;
  /** Stop as soon as the verifier accepts an answer. */
  readonly stopOnSolution: boolean;
  /** Stop once an answer is settled without a verifier; `undefined` never settles. */
  readonly settle: SettleRule | undefined;
  /**
   * What a strategy whose shape is exhausted does while the budget has room: starts a new round
   * (fresh seeds, a higher temperature, states already seen pruned), or stops.
   */
  readonly onExhausted: "restart" | "stop";
  /** Saves a snapshot every `every` steps. */
  readonly checkpoint?: {
    readonly every: number;
    readonly save: (snapshot: SearchSnapshot) => void | Promise<void>;
  };
}

/** The machine's next move, decided at the top of each step. */
export type Decision =
  | { readonly kind: "pause" | "budget" | "solved" | "settled" | "stop" }
  | { readonly kind: "expand"; readonly selection: Extract<Selection, { kind: "expand" }> };

/**
 * The mutable side of one search: the tree, the meter, the gated model, the strategy's state. The
 * machine calls one method per state; the decisions themselves are the strategy's pure functions.
 */
export class SearchRun {
  readonly tree: TreeRecorder;
  readonly meter: BudgetMeter;
  readonly gate: ModelGate;
  readonly context: SearchContext;
  private strategyState: unknown;
  private seedsUsed = 0;
  private steps = 0;
  /** Checkpoint saves, one after the other, so an older one never lands after a newer one. */
  private saving: Promise<void> = Promise.resolve();
  private selection: Extract<Selection, { kind: "expand" }> | undefined;
  private expanded: number[] = [];
  private created: number[] = [];
  private readonly logprobs = new Map<number, readonly number[]>();
  private readonly states: StateIndex;
  private readonly rounds: Rounds;
  /** Nodes of this step that repeat a sibling or a state already in the tree. */
  private readonly repeats = new Set<number>();
  /** Terminal nodes with an answer, in order: what settling counts. */
  private readonly answers: number[] = [];
  private readonly steady = new SteadyAnswer();
  pauseRequested = false;
  solvedId: number | undefined;
  /** The answer that settled without a verifier. */
  settledId: number | undefined;
  limit: BudgetLimit | undefined;
  stopReason: StopReason | undefined;
  error: string | undefined;
  /** The guard verdict that blocked the search before it began. */
  blocked: GuardRecord | undefined;

  constructor(
    readonly config: SearchConfig,
    saved?: SearchSnapshot,
  ) {
    this.meter = new BudgetMeter(config.budget, saved?.meter);
    const clock = () => this.meter.elapsedMs();
    this.tree = saved
      ? new TreeRecorder(saved.tree, clock)
      : TreeRecorder.start(config.task.question, config.task.initialState, clock);
    this.gate = new ModelGate(config.model, this.meter, config.gate);
    // Every failed attempt, retried or not, whatever it was for: the tree keeps them all.
    this.gate.onFailure = (failure) => void this.tree.emit({ type: "callFailed", ...failure });
    this.states = new StateIndex(config.task, this.tree);
    this.rounds = new Rounds(saved?.rounds);
    for (const node of this.tree.nodes) {
      if (node.status === "terminal" && node.answer !== undefined) this.answers.push(node.id);
    }
    this.seedsUsed = saved?.seedsUsed ?? 0;
    this.steps = saved?.steps ?? 0;
    this.context = createSearchContext({
      task: config.task,
      gate: this.gate,
      tree: this.tree,
      settings: config.settings,
      nextSeed: (count) => {
        const seed = config.seed + this.seedsUsed;
        this.seedsUsed += count;
        return seed;
      },
    });
    this.strategyState = saved ? saved.strategyState : config.strategy.init(this.view());
  }

  view(): StrategyView {
    return {
      nodes: this.tree.nodes,
      children: (id) => this.tree.children(id),
      maxDepth: this.config.maxDepth,
      twinOf: (node) => this.states.twinOf(node),
      round: this.rounds.round,
      temperature: this.roundTemperature(),
      expandedIn: (id) => this.rounds.expandedIn(id),
    };
  }

  /**
   * Runs the guards on the question before any model work, each verdict a `guarded` event.
   * Resolves `true` when one blocked the search.
   */
  async guard(signal: AbortSignal): Promise<boolean> {
    this.blocked = await guardInput(
      this.config.guards,
      this.config.task.question,
      signal,
      (verdict) => void this.tree.emit({ type: "guarded", ...verdict }),
    );
    return this.blocked !== undefined;
  }

  /** Decides the next move: pause, stop for the budget or a solution, stop as the strategy says, or expand. */
  decide(): Decision {
    if (this.pauseRequested) return { kind: "pause" };
    if (this.solvedId !== undefined && this.config.stopOnSolution) return { kind: "solved" };
    const limit = this.meter.limitReached();
    if (limit) {
      this.limit = limit;
      return { kind: "budget" };
    }
    if (this.settledId !== undefined) return { kind: "settled" };
    const strategy = this.config.strategy;
    let { state, selection } = strategy.select(this.strategyState, this.view());
    while (selection.kind === "stop" && this.restart(state)) {
      ({ state, selection } = strategy.select(this.strategyState, this.view()));
    }
    this.strategyState = state;
    if (selection.kind === "stop") return { kind: "stop" };
    this.selection = selection;
    this.tree.emit({ type: "selected", ids: [...selection.ids] });
    return { kind: "expand", selection };
  }

  /**
   * Begins the next round when the strategy's shape is exhausted and it may restart: the strategy
   * starts a fresh pass over the same tree. `false` when it may not — a single pass, `onExhausted:
   * "stop"`, or a budget without any limit, which no round could ever spend — or when two rounds
   * in a row found no new state.
   */
  private restart(ended: unknown): boolean {
    const { strategy } = this.config;
    if (this.config.onExhausted === "stop" || strategy.singlePass) return false;
    if (!isBounded(this.config.budget)) return false;
    if (!this.rounds.advance()) return false;
    this.strategyState = strategy.init(this.view(), ended);
    const temperature = findRoundTemperature(this.config.settings.temperature, this.rounds.round);
    this.tree.emit({ type: "restarted", round: this.rounds.round, temperature });
    return true;
  }

  async expand(signal: AbortSignal): Promise<void> {
    const selection = this.selection;
    this.expanded = selection ? [...selection.ids] : [];
    this.created = [];
    this.repeats.clear();
    if (!selection) return;
    this.rounds.noteExpanded(selection.ids);
    const options = this.expandOptions(selection.temperature);
    const children = await Promise.all(
      selection.ids.map((id, index) =>
        expandNode(
          this.context,
          options,
          id,
          selection.counts?.[index] ?? selection.branching,
          signal,
        ),
      ),
    );
    this.created = children.flat();
  }

  /** The sampling temperature of the current round: the strategy's own in round 0. */
  private roundTemperature(): number {
    const { strategy, settings } = this.config;
    const round = this.rounds.round;
    return round === 0
      ? (strategy.temperature ?? settings.temperature)
      : findRoundTemperature(settings.temperature, round);
  }

  private expandOptions(temperature?: number): ExpandOptions {
    const { strategy } = this.config;
    return {
      generator: this.config.generator,
      meter: this.meter,
      dedupeSiblings: strategy.dedupeSiblings,
      temperature: temperature ?? this.roundTemperature(),
      logprobs: this.logprobs,
      repeats: this.repeats,
    };
  }

  /**
   * Verifies new answers exactly, prunes new nodes that reach a state a live node already stands
   * for, then scores the new nodes the step wants scored: a state scored before (under another
   * path, or earlier in this batch) takes that score instead of being evaluated again.
   */
  async evaluate(signal: AbortSignal): Promise<void> {
    const nodes = this.created.map((id) => this.tree.node(id));
    for (const node of nodes) {
      if (node.status === "terminal") this.verifyAnswer(node.id);
    }
    if (this.config.strategy.dedupeSiblings) this.pruneRepeatedStates(nodes);
    const mode = this.selection?.evaluates ?? this.config.strategy.evaluates;
    const wanted = nodes
      .filter((node) =>
        mode === "all"
          ? node.status === "open" || node.status === "terminal"
          : mode === "terminal" && node.status === "terminal",
      )
      .filter((node) => node.verified === undefined);
    const { targets, copies } = planEvaluations(wanted, this.states);
    if (targets.length > 0) {
      const evaluations = await this.config.evaluator.evaluate(
        this.context.scope,
        targets.map((node) => ({ id: node.id, logprobs: this.logprobs.get(node.id) })),
        signal,
      );
      for (const [id, evaluation] of evaluations)
        this.applyScore(id, evaluation.scores, evaluation.value);
    }
    for (const [id, from] of copies) this.copyScore(id, from);
    for (const id of this.created) this.logprobs.delete(id);
  }

  /** Prunes new open nodes whose state a live node already stands for: they would be searched twice. */
  private pruneRepeatedStates(nodes: readonly TreeNode[]): void {
    for (const node of nodes) {
      if (node.status !== "open") continue;
      const twin = this.states.twinOf(node);
      if (twin === undefined) continue;
      this.tree.setStatus(node.id, "pruned", `reaches the same state as node ${twin}`);
      this.repeats.add(node.id);
    }
  }

  private applyScore(id: number, scores: readonly NodeScore[], value: number): void {
    this.tree.score(id, scores, value);
    // An exact verifier that rules a state out is certain: nothing below it can be an answer.
    const ruledOut = scores.some((score) => score.source === "verifier" && score.value === 0);
    if (ruledOut && this.tree.node(id).status === "open") {
      this.tree.setStatus(id, "pruned", "the verifier rules out every answer from here");
    }
  }

  /** Gives a node the evaluation of an earlier node in the same state, if that one was scored. */
  private copyScore(id: number, from: number): void {
    const source = this.tree.node(from);
    if (source.score !== undefined) this.applyScore(id, borrowScores(source), source.score);
  }

  private verifyAnswer(id: number): void {
    const node = this.tree.node(id);
    let verdict: number | undefined;
    try {
      verdict = this.config.task.verify?.(this.context.taskNode(id), node.answer);
    } catch (error) {
      this.tree.setStatus(id, "invalid", `the verifier failed: ${(error as Error).message}`);
      return;
    }
    if (verdict === undefined) return;
    node.verified = verdict >= 1;
    const score: NodeScore = { source: "verifier", value: Math.min(1, Math.max(0, verdict)) };
    this.tree.score(id, [score], score.value);
    if (node.verified) {
      this.solvedId ??= id;
      this.tree.emit({ type: "solution", id, answer: node.answer ?? "", verified: true });
    }
  }

  /** Lets the strategy keep or prune what the step made, and records the budget so far. */
  update(): void {
    const update = this.config.strategy.update(
      this.strategyState,
      this.view(),
      this.expanded,
      this.created,
    );
    this.strategyState = update.state;
    for (const { id, reason } of update.prune ?? []) {
      if (this.tree.node(id).status === "open" || this.tree.node(id).status === "terminal") {
        this.tree.setStatus(id, "pruned", reason);
      }
    }
    for (const [id, visits] of update.visits ?? []) this.tree.node(id).visits = visits;
    for (const id of this.created) {
      const node = this.tree.node(id);
      if (node.status === "terminal" && node.answer !== undefined) this.answers.push(id);
      if (node.status === "terminal" && node.verified !== true && node.answer !== undefined) {
        this.tree.emit({ type: "solution", id, answer: node.answer, verified: node.verified });
      }
    }
    this.rounds.fresh += this.created.filter((id) => this.isFresh(id)).length;
    this.checkSettled();
    this.emitBudget();
  }

  /** A new node that is a usable state no node stood for before. */
  private isFresh(id: number): boolean {
    const status = this.tree.node(id).status;
    return status !== "invalid" && status !== "failed" && !this.repeats.has(id);
  }

  /** Settles the answer when the rule says enough paths agree or its value holds steady. */
  private checkSettled(): void {
    const rule = this.config.settle;
    if (!rule || this.settledId !== undefined) return;
    const answers = this.answers.map((id) => this.tree.node(id));
    this.settledId = findConsensus(answers, rule) ?? this.steady.observe(answers, rule);
  }

  emitBudget(): void {
    const spent = this.meter.spent();
    this.tree.emit({
      type: "budget",
      elapsedMs: spent.elapsedMs,
      nodes: spent.nodes,
      promptTokens: spent.promptTokens,
      generatedTokens: spent.generatedTokens,
      calls: spent.calls,
    });
  }

  answerNodeId(): number | undefined {
    if (this.solvedId !== undefined) return this.solvedId;
    if (this.settledId !== undefined) return this.settledId;
    const chosen = this.config.strategy.chooseAnswer?.(this.strategyState, this.view());
    return chosen ?? findBestAnswer(this.tree.nodes)?.id;
  }

  /**
   * Without an answer, completes the best partial path greedily, one step at a time, within the
   * budget's reserve.
   */
  async finalize(signal: AbortSignal): Promise<void> {
    if (this.answerNodeId() !== undefined) return;
    let current = findBestPartial(this.tree.nodes);
    if (!current) return;
    this.meter.phase = "finalize";
    this.selection = undefined;
    this.tree.emit({ type: "finalizing", from: current.id });
    const options = { ...this.expandOptions(), dedupeSiblings: false, temperature: 0 };
    const canGoOn = (node: TreeNode) =>
      (node.status === "open" || node.status === "expanded") &&
      node.depth < this.config.maxDepth &&
      !signal.aborted &&
      !this.meter.limitReached();
    while (current && canGoOn(current)) {
      const [child] = await expandNode(this.context, options, current.id, 1, signal);
      if (child === undefined) return;
      this.created = [child];
      await this.evaluate(signal);
      current = this.tree.node(child);
    }
  }

  /** A copy of everything needed to go on later: the search may change while it is being saved. */
  snapshot(): SearchSnapshot {
    return structuredClone({
      format: "deliberate.search",
      version: 1,
      tree: this.toTree(),
      strategyState: this.strategyState,
      meter: this.meter.toSnapshot(),
      seedsUsed: this.seedsUsed,
      steps: this.steps,
      rounds: this.rounds.toSnapshot(),
    });
  }

  /** Counts a finished step and saves a checkpoint when one is due. A failed save is an event. */
  checkpoint(): void {
    this.steps += 1;
    const checkpoint = this.config.checkpoint;
    if (!checkpoint || this.steps % checkpoint.every !== 0) return;
    const snapshot = this.snapshot();
    const steps = this.steps;
    this.saving = this.saving
      .then(() => checkpoint.save(snapshot))
      .then(
        () => void this.tree.emit({ type: "checkpoint", steps }),
        (error: unknown) =>
          void this.tree.emit({ type: "checkpoint", steps, error: String(error) }),
      );
  }

  /** Settles once every checkpoint started has been saved (or has failed). */
  flushCheckpoints(): Promise<void> {
    return this.saving;
  }

  /** The answer, or without one the best partial state: where the best path ends. */
  private bestNodeId(): number | undefined {
    return this.answerNodeId() ?? findBestPartial(this.tree.nodes)?.id;
  }

  toTree() {
    const bestId = this.bestNodeId();
    return this.tree.toTree({
      question: this.config.task.question,
      task: this.config.task.name,
      strategy: this.config.strategy.name,
      ...(this.config.plugins ? { plugins: this.config.plugins } : {}),
      model: this.config.model.id,
      ...(this.config.model.device === undefined ? {} : { device: this.config.model.device }),
      ...(bestId === undefined ? {} : { bestPath: this.tree.pathTo(bestId) }),
      ...(this.stopReason ? { stopReason: this.stopReason } : {}),
    });
  }

  /**
   * Why a search that reached its end stopped: a guard blocked it, a verified or settled answer, a
   * spent budget, or none.
   */
  findStopReason(): StopReason {
    if (this.blocked) return "blocked";
    if (this.solvedId !== undefined) return "solved";
    if (this.settledId !== undefined) return "settled";
    return this.limit ? "budget" : "exhausted";
  }

  /** Ends the search: the stop event, then the result with the best answer found. */
  finish(reason: StopReason): Result {
    this.meter.stop();
    this.gate.clear();
    const answerId = this.answerNodeId();
    const answerNode = answerId === undefined ? undefined : this.tree.node(answerId);
    // Solved means a verifier accepted it: an unchecked answer ends the search as exhausted.
    const solved = answerNode?.verified === true;
    this.stopReason = reason === "exhausted" && solved ? "solved" : reason;
    if (this.stopReason === "exhausted" && this.gate.failures > 0 && this.gate.successes === 0) {
      this.stopReason = "failed";
      this.error = `every model call failed; the last error: ${this.gate.lastError}`;
    }
    const bestId = this.bestNodeId();
    this.tree.emit({
      type: "stopped",
      stopReason: this.stopReason,
      ...(answerNode?.answer ? { answer: answerNode.answer } : {}),
      ...(bestId === undefined ? {} : { bestPath: this.tree.pathTo(bestId) }),
    });
    return buildResult({
      tree: this.toTree(),
      answer: answerNode,
      stopReason: this.stopReason,
      limit: this.limit,
      error: this.error,
      blocked: this.blocked,
      usage: { ...this.meter.usage, calls: this.meter.calls, elapsedMs: this.meter.elapsedMs() },
    });
  }
}
