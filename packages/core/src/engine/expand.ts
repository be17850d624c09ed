import type { GeneratedStep, Generator } from "../generators/generator.js";
import type { StepOutcome, TaskNode } from "../task/task.js";
import type { BudgetMeter } from "./budget-meter.js";
import type { SearchContext } from "./search-context.js";

export interface ExpandOptions {
  readonly generator: Generator;
  readonly meter: BudgetMeter;
  readonly dedupeSiblings: boolean;
  readonly temperature: number;
  /** Log-probabilities of each created node's step, for the confidence evaluator. */
  readonly logprobs: Map<number, readonly number[]>;
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

function addStep(
  context: SearchContext,
  options: ExpandOptions,
  parent: number,
  parentNode: TaskNode<unknown>,
  step: GeneratedStep,
  seen: Map<string, number>,
): number {
  const outcome = applyStepSafely(context, step.text, parentNode);
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
  const normalized = outcome.thought !== undefined && outcome.thought !== step.text;
  const text = normalized ? (outcome.thought as string) : step.text;
  const tokens = normalized ? undefined : step.tokens;
  const key = text.trim();
  const twin = options.dedupeSiblings ? seen.get(key) : undefined;
  if (twin !== undefined) {
    return context.tree.add({
      ...base,
      text,
      tokens,
      state: outcome.state,
      status: "pruned",
      reason: `repeats sibling ${twin}`,
    }).id;
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
      : context.tree.add({ ...base, text, tokens, state: outcome.state });
  seen.set(key, node.id);
  if (step.logprobs) options.logprobs.set(node.id, step.logprobs);
  return node.id;
}

/**
 * Expands one node: asks the generator for `count` steps, applies each to the state and adds the
 * children (invalid ones keep the raw text). A generator that fails marks the node failed; one
 * stopped by the budget or a cancel leaves it open. Never adds a node past the node limit.
 */
export async function expandNode(
  context: SearchContext,
  options: ExpandOptions,
  id: number,
  count: number,
  signal: AbortSignal,
): Promise<number[]> {
  const room =
    options.meter.budget.nodes === undefined
      ? count
      : options.meter.budget.nodes - options.meter.nodes;
  const asked = Math.min(count, room);
  if (asked <= 0) return [];
  const generation = await options.generator(context, id, asked, options.temperature, signal);
  if (!generation.ok) {
    if (generation.reason === "error")
      context.tree.setStatus(id, "failed", `model call failed: ${generation.message}`);
    return [];
  }
  context.tree.setStatus(id, "expanded");
  const created: number[] = [];
  const seen = new Map<string, number>();
  const parentNode = context.taskNode(id);
  for (const step of generation.steps) {
    if (!options.meter.hasNodeRoom()) break;
    created.push(addStep(context, options, id, parentNode, step, seen));
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
