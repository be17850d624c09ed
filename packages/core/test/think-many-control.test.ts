import {
  DeliberateError,
  type SearchEvent,
  type ThinkInput,
  type ThinkManyOptions,
  type ThinkManyProgress,
  thinkMany,
} from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import { createChainModel, createChainTask } from "./helpers/chain-task.js";

const options = { strategy: "greedy" as const, evaluator: "verifier" as const };

describe("thinkMany's inputs", () => {
  it("takes questions as text, beside tasks", async () => {
    const model = createScriptedModel({
      rules: [
        { match: "2 + 2", reply: "Final answer: 4" },
        { match: "capital of France", reply: "Final answer: Paris" },
      ],
    });
    const many = await thinkMany(["What is 2 + 2?", "What is the capital of France?"], {
      model,
      strategy: "greedy",
      budget: "5s",
    });
    expect(many.results.map((result) => result.answer)).toEqual(["4", "Paris"]);
    expect(many.results.map((result) => result.tree.question)).toEqual([
      "What is 2 + 2?",
      "What is the capital of France?",
    ]);
  });
});

describe("thinkMany's progress", () => {
  it("starts, pauses and finishes each question in order, once, with a shrinking pool", async () => {
    const events: ThinkManyProgress[] = [];
    const searchEvents: [number, SearchEvent["type"]][] = [];
    await thinkMany([createChainTask("long", 20), createChainTask("a", 1)], {
      ...options,
      model: createChainModel(10),
      budget: 800,
      onProgress: (event) => events.push(event),
      onEvent: (index, event) => searchEvents.push([index, event.type]),
    });
    for (const index of [0, 1]) {
      const mine = events.flatMap((event) =>
        event.type !== "pool" && event.index === index ? [event.type] : [],
      );
      expect(mine.at(-1)).toBe("question-finished");
      expect(mine.filter((type) => type === "question-finished")).toHaveLength(1);
      // started, then paused or finished, then started again; a question still open when the
      // pool runs out is finished straight from its pause.
      const slices = mine.at(-2) === "question-paused" ? mine.slice(0, -1) : mine;
      slices.forEach((type, at) => {
        if (at % 2 === 0) expect(type).toBe("question-started");
        else expect(type).toMatch(/paused|finished/);
      });
      const stopped = searchEvents.filter(([at, type]) => at === index && type === "stopped");
      expect(stopped).toHaveLength(1);
    }
    expect(events.some((event) => event.type === "question-paused" && event.index === 0)).toBe(
      true,
    );
    const rungs = events.flatMap((event) => (event.type === "pool" ? [] : [event.rung]));
    expect(rungs).toEqual([...rungs].sort((a, b) => a - b));
    const pool = events.flatMap((event) => (event.type === "pool" ? [event.remainingMs] : []));
    expect(pool.length).toBeGreaterThan(2);
    expect(pool).toEqual([...pool].sort((a, b) => b - a));
  });

  it("goes on when a progress listener throws", async () => {
    const many = await thinkMany([createChainTask("a", 1), createChainTask("b", 2)], {
      ...options,
      model: createChainModel(0),
      budget: "5s",
      onProgress: () => {
        throw new Error("a broken listener");
      },
    });
    expect(many.results.map((result) => result.answer)).toEqual(["a", "b"]);
  });
});

describe("thinkMany's cancel", () => {
  it("ends every question with its best answer so far, in input order", async () => {
    const controller = new AbortController();
    const pending = thinkMany(
      [createChainTask("a", 1), createChainTask("long", 1000), createChainTask("b", 1000)],
      { ...options, model: createChainModel(10), budget: "1m", signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 200);
    const many = await pending;
    expect(many.results.map((result) => result.stopReason)).toEqual([
      "solved",
      "cancelled",
      "cancelled",
    ]);
    expect(many.results[0]?.answer).toBe("a");
    expect(many.results[1]?.best.path.length).toBeGreaterThan(2);
    // Cancelled in its first slice (about 4.5 s at 10 ms a step): well before the slice ends.
    expect(many.results[1]?.usage.nodes).toBeLessThan(300);
    expect(many.results[1]?.tree.question).toBe("Walk the chain long");
    expect(many.results[2]?.tree.question).toBe("Walk the chain b");
  });

  it("answers at once for a signal aborted before the start, with no model call", async () => {
    const model = createChainModel(10);
    const many = await thinkMany([createChainTask("a", 1), createChainTask("b", 3)], {
      ...options,
      model,
      budget: "10s",
      signal: AbortSignal.abort(),
    });
    expect(many.results.map((result) => result.stopReason)).toEqual(["cancelled", "cancelled"]);
    expect(model.calls).toBe(0);
  });
});

describe("thinkMany's options", () => {
  const model = createChainModel(0);
  const inputs = [createChainTask("a", 1), createChainTask("b", 1)];

  async function refusal(bad: unknown, given: readonly ThinkInput[] = inputs) {
    const error = await thinkMany(given, bad as ThinkManyOptions).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DeliberateError);
    expect(model.calls).toBe(0);
    return error as DeliberateError;
  }

  it("refuses a budget too small for every question's minimum, and says what to change", async () => {
    const error = await refusal({ ...options, model, budget: "1s", minPerQuestion: "600ms" });
    expect(error.code).toBe("INVALID_OPTION");
    expect(error.field).toBe("budget");
    expect(error.message).toBe(
      "A budget of 1.00s cannot give 2 questions 600ms each: raise `budget` to at least 1.20s or lower `minPerQuestion` to at most 500ms",
    );
  });

  const refused: readonly [string, Record<string, unknown>, string, RegExp][] = [
    ["no budget", { model }, "budget", /Invalid option `budget`/],
    ["a budget that is no duration", { model, budget: "soon" }, "budget", /duration such as/],
    ["a budget of zero", { model, budget: 0 }, "budget", /above zero/],
    [
      "a minimum above the maximum",
      { model, budget: "1m", minPerQuestion: "20s", maxPerQuestion: "10s" },
      "minPerQuestion",
      /at most `maxPerQuestion`/,
    ],
    ["a maximum of zero", { model, budget: "1m", maxPerQuestion: 0 }, "maxPerQuestion", /zero/],
    [
      "a time limit per question",
      { model, budget: "1m", perQuestion: { time: 5 } },
      "perQuestion.time",
      /Unknown option `perQuestion.time`/,
    ],
    [
      "an onProgress that is no function",
      { model, budget: "1m", onProgress: 3 },
      "onProgress",
      /a function/,
    ],
    ["no model", { budget: "1m" }, "model", /expected a Model/],
  ];

  it.each(refused)("refuses %s", async (_name, bad, field, message) => {
    const error = await refusal({ ...options, ...bad });
    expect(error.code).toBe("INVALID_OPTION");
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("refuses an input that is neither a question nor a task, before any model work", async () => {
    const error = await refusal({ ...options, model, budget: "1m" }, [
      createChainTask("a", 1),
      42 as unknown as ThinkInput,
    ]);
    expect(error.code).toBe("INVALID_TASK");
  });

  it("refuses inputs that are not a list", async () => {
    const error = await refusal({ ...options, model, budget: "1m" }, "4 9 10 13" as never);
    expect(error).toMatchObject({ code: "INVALID_TASK", field: "inputs" });
    expect(error.message).toBe('Expected a list of questions or tasks, got "4 9 10 13" (string)');
  });

  it("answers an empty list with no results", async () => {
    const many = await thinkMany([], { model, budget: "1s" });
    expect(many).toMatchObject({ results: [], rungs: 0, spentMs: 0 });
  });
});
