import type { StepOutcome, TaskNode } from "@deliberate/core/task";
import { describe, expect, it } from "vitest";
import { createGame24Task, type Game24State, TaskError } from "../src/index.js";

function follow(
  task: ReturnType<typeof createGame24Task>,
  steps: readonly string[],
): StepOutcome<Game24State>[] {
  let node: TaskNode<Game24State> = { state: task.initialState, path: [], depth: 0 };
  const outcomes: StepOutcome<Game24State>[] = [];
  for (const text of steps) {
    const outcome = task.applyStep(text, node);
    outcomes.push(outcome);
    if (outcome.kind === "invalid") break;
    node = {
      state: outcome.state,
      path: [...node.path, { text: outcome.thought ?? text }],
      depth: node.depth + 1,
    };
  }
  return outcomes;
}

describe("createGame24Task", () => {
  it("solves a puzzle driven by paper-style steps and verifies the answer", () => {
    const task = createGame24Task("4 9 10 13");
    expect(task.maxDepth).toBe(3);
    const outcomes = follow(task, [
      "13 - 9 = 4 (left: 4 4 10)",
      "10 - 4 = 6 (left: 4 6)",
      "4 * 6 = 24 (left: 24)",
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(["step", "step", "answer"]);
    expect(outcomes[0]).toMatchObject({ thought: "13 - 9 = 4 (left: 4 4 10)" });
    const last = outcomes[2];
    if (last?.kind !== "answer") throw new Error("expected an answer");
    expect(last.answer).toBe("(13 - 9) * (10 - 4) = 24");
    expect(task.verify?.({ state: last.state, path: [], depth: 3 }, last.answer)).toBe(1);
  });

  it("solves a fraction puzzle driven by compact steps", () => {
    const task = createGame24Task([3, 3, 8, 8], { profile: "compact" });
    const outcomes = follow(task, [" 8/3=8/3 | 3 8/3 8", "3-(8/3)=1/3 | 1/3 8", "8/(1/3)=24 | 24"]);
    expect(outcomes.map((o) => o.kind)).toEqual(["step", "step", "answer"]);
    expect(outcomes[1]).toMatchObject({ thought: "3-(8/3)=1/3 | 1/3 8" });
    expect(outcomes[2]).toMatchObject({ answer: "8 / (3 - 8 / 3) = 24" });
  });

  it("ends a path at a wrong final number with an answer that verifies to 0", () => {
    const task = createGame24Task("1 2 3 4");
    const outcomes = follow(task, ["1 + 2 = 3", "3 + 3 = 6", "6 + 4 = 10"]);
    expect(outcomes[2]).toMatchObject({ kind: "answer", answer: "3 + 1 + 2 + 4 = 10" });
    const last = outcomes[2] as Extract<StepOutcome<Game24State>, { kind: "answer" }>;
    expect(task.verify?.({ state: last.state, path: [], depth: 3 }, last.answer)).toBe(0);
  });

  it("marks illegal steps invalid with a reason", () => {
    const task = createGame24Task("4 9 10 13");
    const root = { state: task.initialState, path: [], depth: 0 };
    const reasons = [
      "5 + 4 = 9",
      "13 - 9 = 5",
      "13 / 0 = 1",
      "4 4 10",
      "",
      "13 - 9 = 4 and also rm -rf /",
    ].map((text) => task.applyStep(text, root));
    expect(reasons.every((o) => o.kind === "invalid")).toBe(true);
    expect(reasons[0]).toMatchObject({
      reason: "expected two of the numbers left (4 9 10 13), got 5 + 4",
    });
    expect(reasons[1]).toMatchObject({ reason: "expected 13 - 9 = 4, got 5" });
    expect(reasons[3]).toMatchObject({
      reason: expect.stringContaining('expected a step like "13 - 9 = 4"'),
    });
  });

  it("uses a number only as often as it is left", () => {
    const task = createGame24Task("4 9 10 13");
    const root = { state: task.initialState, path: [], depth: 0 };
    expect(task.applyStep("4 * 4 = 16", root).kind).toBe("invalid");
    const twice = createGame24Task("4 4 10 13");
    expect(
      twice.applyStep("4 * 4 = 16", { state: twice.initialState, path: [], depth: 0 }).kind,
    ).toBe("step");
  });

  it("builds the paper prompts with the numbers left last", () => {
    const task = createGame24Task("4 9 10 13");
    const root = { state: task.initialState, path: [], depth: 0 };
    const step = task.stepPrompt(root);
    expect(step.segments.map((s) => s.text).join("")).toMatch(
      /Input: 4 9 10 13\nPossible next steps:\n$/,
    );
    expect(step.segments.at(-1)?.text).toBe("4 9 10 13\nPossible next steps:\n");
    expect(step.segments.every((s) => s.trusted)).toBe(true);
    expect(step.stop).toEqual(["\n"]);
    expect(step.constraint?.kind).toBe("gbnf");
    expect(task.proposePrompt?.(root, 5).segments.at(-1)?.text).toContain("4 9 10 13");
    const value = task.valuePrompt?.(root);
    expect(value?.segments.at(-1)?.text).toBe("4 9 10 13\n");
    expect(value?.constraint).toEqual({
      kind: "choice",
      options: ["sure", "likely", "impossible"],
    });
  });

  it("builds the compact prompts of the tiny reasoner", () => {
    const task = createGame24Task("4 9 10 13", { profile: "compact", constrainSteps: false });
    const root = { state: task.initialState, path: [], depth: 0 };
    expect(task.stepPrompt(root)).toMatchObject({
      segments: [{ text: "4 9 10 13 |" }],
      stop: ["\n"],
    });
    expect(task.stepPrompt(root).constraint).toBeUndefined();
    expect(task.proposePrompt).toBeUndefined();
    expect(task.valuePrompt?.(root)).toMatchObject({
      segments: [{ text: "4 9 10 13 :" }],
      constraint: { kind: "choice", options: [" sure", " likely", " impossible"] },
    });
  });

  it("scores dead ends only when asked to", () => {
    const plain = createGame24Task("1 1 1 2");
    const node = { state: plain.initialState, path: [], depth: 0 };
    expect(plain.verify?.(node, undefined)).toBeUndefined();
    expect(createGame24Task("1 1 1 2", { pruneDeadEnds: true }).verify?.(node, undefined)).toBe(0);
    expect(
      createGame24Task("4 9 10 13", { pruneDeadEnds: true }).verify?.(
        { ...node, state: createGame24Task("4 9 10 13").initialState },
        undefined,
      ),
    ).toBeUndefined();
  });

  it("rejects a malformed puzzle or option with a TaskError", () => {
    expect(() => createGame24Task("4 9 ten 13")).toThrow(TaskError);
    expect(() => createGame24Task([4, 9, 10.5, 13])).toThrow(/integers from 0 to 9999/);
    expect(() => createGame24Task([4])).toThrow(/two to six/);
    expect(() => createGame24Task("4 9 10 13", { profile: "tiny" as "paper" })).toThrow(
      /`profile`/,
    );
    expect(() =>
      createGame24Task("4 9 10 13", { pruneDeadEnds: "yes" as unknown as boolean }),
    ).toThrow(/boolean/);
  });

  it("keys a state by its numbers left, whatever order of steps made them", () => {
    const task = createGame24Task("4 5 6 10", { profile: "compact" });
    const stateAfter = (steps: readonly string[]) => {
      const last = follow(task, steps).at(-1);
      if (last?.kind !== "step") throw new Error(`expected a step, got ${JSON.stringify(last)}`);
      return last.state;
    };
    const key = (steps: readonly string[]) => task.stateKey?.(stateAfter(steps));
    expect(key(["10-4=6 | 5 6 6", "6-5=1 | 1 6"])).toBe("1 6");
    expect(key(["6-5=1 | 1 4 10", "10-4=6 | 1 6"])).toBe("1 6");
    expect(key(["10-4=6 | 5 6 6"])).not.toBe(key(["10-5=5 | 4 5 6"]));
  });

  it("splits a propose reply into step lines", () => {
    const task = createGame24Task("4 9 10 13");
    const root = { state: task.initialState, path: [], depth: 0 };
    expect(
      task.splitProposals?.("13 - 9 = 4 (left: 4 4 10)\n\n10 - 4 = 6 (left: 6 9 13)\nok", root),
    ).toHaveLength(2);
  });
});
