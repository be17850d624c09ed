import type { GeneratedStep, Generator } from "../generators/generator.js";
import type { StepOutcome, TaskNode } from "../task/task.js";
import type { Observation } from "../tree/schema.js";
import type { BudgetMeter } from "./budget-meter.js";
import { callTool } from "./call-tool.js";
import type { SearchContext } from "./search-context.js";

export interface ExpandOptions {
  readonly generator: Generator;
  readonly meter: BudgetMeter;
  readonly dedupeSiblings: boolean;
  readonly temperature: number;
  /** Log-probabilities of each created node's step, for the confidence evaluator. */
  readonly logprobs: Map<number, readonly number[]>;
  /** Collects the children that repeat a sibling, so the search knows they found nothing new. */
  readonly repeats?: Set<number>;
}

function applyStepSafely(
  context: SearchContext,
  text: string,
  parent: TaskNode<unknown>,
): StepOutcome<unknown> {
  try {
    return context.task.applyStep(text, parent);
  } catch (error) {
    return {
      kind: "invalid",
      reason: `the task could not read the step: ${(error as Error).message}`,
    };
  }
}

/** A step the task has read, before it becomes a node. */
interface ReadStep {
  readonly step: GeneratedStep;
  readonly outcome: StepOutcome<unknown>;
  /** The text kept: the task's normalized thought, or what the model wrote. */
  readonly text: string;
  readonly tokens?: readonly number[];
  /**
   * An earlier sibling with the same text (only when siblings are deduplicated): the index of one
   * written in this call, or the id of a child from an earlier expansion.
   */
  readonly twin?: { readonly index: number } | { readonly id: number };
}

function readSteps(
  context: SearchContext,
  options: ExpandOptions,
  parent: number,
  steps: readonly GeneratedStep[],
): ReadStep[] {
  const parentNode = context.taskNode(parent);
  // A node expanded again (a later round) must not take back the children it already has.
  const seen = new Map<string, ReadStep["twin"]>();
  if (options.dedupeSiblings) {
    for (const child of context.tree.children(parent)) {
      const key = child.text.trim();
      // The first child of a text stands for it; later ones are its repeats.
      if (child.status !== "invalid" && !seen.has(key)) seen.set(key, { id: child.id });
    }
  }
  return steps.map((step, index) => {
    const outcome = applyStepSafely(context, step.text, parentNode);
    if (outcome.kind === "invalid") return { step, outcome, text: step.text };
    const normalized = outcome.thought !== undefined && outcome.thought !== step.text;
    const text = normalized ? (outcome.thought as string) : step.text;
    const tokens = normalized ? undefined : step.tokens;
    const key = text.trim();
    const twin = options.dedupeSiblings ? seen.get(key) : undefined;
    if (twin === undefined) seen.set(key, { index });
    return { step, outcome, text, tokens, twin };
  });
}

/**
 * Runs the tools the steps ask for, all at once. A twin is pruned, so its call is never made; a
 * step past the node limit is never added, so neither is its.
 */
async function observeToolCalls(
  context: SearchContext,
  read: readonly ReadStep[],
  room: number,
  signal: AbortSignal,
): Promise<(Observation | undefined)[]> {
  const limits = {
    timeoutMs: context.settings.toolTimeoutMs,
    maxChars: context.settings.maxObservationChars,
  };
  return Promise.all(
    read.map(({ outcome, twin }, index) =>
      outcome.kind === "tool" && twin === undefined && index < room
        ? callTool(context.task.tools ?? [], outcome.call, limits, signal)
        : undefined,
    ),
  );
}

function addStep(
  context: SearchContext,
  options: ExpandOptions,
  parent: number,
  { step, outcome, text, tokens, twin }: ReadStep,
  twinId: number | undefined,
  observation: Observation | undefined,
): number {
  const base = { parent, usage: step.usage };
  options.meter.nodes += 1;
  if (outcome.kind === "invalid") {
    return context.tree.add({
      ...base,
      text: step.text,
      status: "invalid",
      reason: outcome.reason,
      raw: step.text,
    }).id;
  }
  if (twin !== undefined) {
    const id = context.tree.add({
      ...base,
      text,
      tokens,
      state: outcome.state,
      status: "pruned",
      reason: `repeats sibling ${twinId}`,
    }).id;
    options.repeats?.add(id);
    return id;
  }
  const node =
    outcome.kind === "answer"
      ? context.tree.add({
          ...base,
          text,
          tokens,
          state: outcome.state,
          status: "terminal",
          answer: outcome.answer,
        })
      : context.tree.add({ ...base, text, tokens, state: outcome.state, observation });
  if (step.logprobs) options.logprobs.set(node.id, step.logprobs);
  return node.id;
}

/**
 * Expands one node: asks the generator for `count` steps, applies each to the state, runs the
 * tools the steps call, and adds the children (invalid ones keep the raw text; a tool call's child
 * keeps its observation). A generator that fails marks the node failed; one stopped by the budget
 * or a cancel leaves it open, and so does a cancel during the tool calls. Never adds a node past
 * the node limit.
 */
export async function expandNode(
  context: SearchContext,
  options: ExpandOptions,
  id: number,
  count: number,
  signal: AbortSignal,
): Promise<number[]> {
  const asked = Math.min(count, options.meter.nodeRoom());
  if (asked <= 0) return [];
  const generation = await options.generator(context.scope, id, asked, options.temperature, signal);
  if (!generation.ok) {
    if (generation.reason === "error")
      context.tree.setStatus(id, "failed", `model call failed: ${generation.message}`);
    return [];
  }
  const read = readSteps(context, options, id, generation.steps);
  let observations: (Observation | undefined)[] = [];
  if (read.some(({ outcome }) => outcome.kind === "tool")) {
    observations = await observeToolCalls(context, read, options.meter.nodeRoom(), signal);
    // Like a model call cut short: a step stopped halfway adds nothing.
    if (signal.aborted) return [];
  }
  context.tree.setStatus(id, "expanded");
  const created: number[] = [];
  for (const [index, step] of read.entries()) {
    if (!options.meter.hasNodeRoom()) break;
    const twinId =
      step.twin === undefined
        ? undefined
        : "id" in step.twin
          ? step.twin.id
          : created[step.twin.index];
    created.push(addStep(context, options, id, step, twinId, observations[index]));
  }
  for (const unusable of generation.unusable ?? []) {
    if (!options.meter.hasNodeRoom()) break;
    options.meter.nodes += 1;
    created.push(
      context.tree.add({
        parent: id,
        text: unusable.raw,
        raw: unusable.raw,
        status: "invalid",
        reason: unusable.reason,
        usage: unusable.usage,
      }).id,
    );
  }
  return created;
}
