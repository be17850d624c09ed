import { createSearch, DeliberateError, think } from "@deliberate/core";
import { parseDuration } from "@deliberate/core/options";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";

const model = createScriptedModel({ rules: [{ match: /.*/, reply: "Final answer: 1" }] });

async function optionError(options: unknown): Promise<DeliberateError> {
  try {
    await think("What is one?", options as never);
  } catch (error) {
    expect(error).toBeInstanceOf(DeliberateError);
    return error as DeliberateError;
  }
  throw new Error("expected think() to reject");
}

describe("think options", () => {
  it("rejects a zero-width beam, naming the field, what was expected and what came", async () => {
    const error = await optionError({ model, strategy: { name: "beam", width: 0 } });
    expect(error.code).toBe("INVALID_OPTION");
    expect(error.field).toBe("strategy.width");
    expect(error.message).toContain("strategy.width");
    expect(error.message).toBe(
      "Invalid option `strategy.width`: expected an integer ≥ 1, got 0 (number)",
    );
  });

  it("names the option of a known strategy that has the wrong type, not the whole strategy", async () => {
    const error = await optionError({ model, strategy: { name: "beam", width: "2" } });
    expect(error.field).toBe("strategy.width");
    expect(error.message).toBe(
      'Invalid option `strategy.width`: expected an integer from 1 to 1000, got "2" (string)',
    );
  });

  it("lists the strategies there are when the name is none of them", async () => {
    const error = await optionError({ model, strategy: { name: "breadth", width: 2 } });
    expect(error.field).toBe("strategy.name");
    expect(error.message).toMatch(
      /^Invalid option `strategy.name`: expected one of "anytime", "beam",/,
    );
    const nested = await optionError({
      model,
      evaluator: { name: "combine", parts: [{ evaluator: "nope" }] },
    });
    expect(nested.field).toBe("evaluator.parts.0.evaluator");
  });

  it("rejects a huge width", async () => {
    const error = await optionError({ model, strategy: { name: "beam", width: 1_000_000 } });
    expect(error.field).toBe("strategy.width");
  });

  it("rejects a negative depth", async () => {
    const error = await optionError({ model, maxDepth: -1 });
    expect(error.field).toBe("maxDepth");
    expect(error.message).toContain("-1");
  });

  it("rejects an unknown option by name", async () => {
    const error = await optionError({ model, widht: 3 });
    expect(error.message).toContain("widht");
  });

  it("rejects a missing model", async () => {
    const error = await optionError({ strategy: "beam" });
    expect(error.field).toBe("model");
  });

  it("rejects an unknown strategy name", async () => {
    const error = await optionError({ model, strategy: "breadth" });
    expect(error.field).toBe("strategy");
  });

  it("rejects a bad duration", async () => {
    const error = await optionError({ model, budget: { time: "soon" } });
    expect(error.field).toBe("budget.time");
    expect(error.message).toContain('"soon"');
  });

  it("rejects an evaluator the task cannot serve", async () => {
    const task = {
      name: "bare",
      question: "q",
      initialState: null,
      maxDepth: 2,
      stepPrompt: () => ({ segments: [] }),
      applyStep: () => ({ kind: "step" as const, state: null }),
    };
    expect(() => createSearch(task, { model, evaluator: "vote" })).toThrow(
      /needs a task with a votePrompt/,
    );
  });

  it("validates before any model work", async () => {
    const counting = createScriptedModel({ rules: [] });
    await expect(think("q", { model: counting, temperature: 9 })).rejects.toThrow(DeliberateError);
    expect(counting.calls).toBe(0);
  });

  it("rejects an empty question", async () => {
    await expect(think("   ", { model })).rejects.toMatchObject({ code: "INVALID_TASK" });
  });
});

describe("parseDuration", () => {
  it("reads milliseconds and unit strings", () => {
    expect(parseDuration(1500)).toBe(1500);
    expect(parseDuration("30s")).toBe(30_000);
    expect(parseDuration("2m")).toBe(120_000);
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration("1.5h")).toBe(5_400_000);
  });

  it("rejects what is not a duration", () => {
    for (const bad of ["", "abc", "10 parsecs", "-5s", "5s and more"]) {
      expect(() => parseDuration(bad)).toThrow(/Expected `duration` to be a duration/);
    }
    expect(() => parseDuration(-1)).toThrow(DeliberateError);
    expect(() => parseDuration(Number.NaN)).toThrow(DeliberateError);
  });
});
