import { type Evaluator, type ThinkManyProgress, think, thinkMany } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { createChainModel, createChainTask } from "./helpers/chain-task.js";

// Every call takes 20 ms, so a chain of n steps needs at least n × 20 ms of think time whatever
// the machine's load: "not enough time" is certain, "enough" has wide margins.
const LATENCY_MS = 20;
const HARD_STEPS = 30; // ≥ 600 ms
const HARDER_STEPS = 70; // ≥ 1400 ms
const options = { strategy: "greedy" as const, evaluator: "verifier" as const };

function collect() {
  const events: ThinkManyProgress[] = [];
  return { events, onProgress: (event: ThinkManyProgress) => void events.push(event) };
}

describe("thinkMany", () => {
  it("gives the time easy questions leave to a hard one, which it solves only thanks to that", async () => {
    const inputs = [
      createChainTask("a", 1),
      createChainTask("hard", HARDER_STEPS),
      createChainTask("b", 1),
      createChainTask("c", 1),
      createChainTask("d", 1),
    ];
    // A loaded machine can slow every call a few times over: the pool leaves the hard question
    // four times what it needs, its equal share is still short of it.
    const totalMs = 6000;
    const equalShare = totalMs / inputs.length; // 1200 ms < 1400 ms needed
    const alone = await think(createChainTask("hard", HARDER_STEPS), {
      ...options,
      model: createChainModel(LATENCY_MS),
      budget: { time: equalShare, reserve: 0 },
    });
    expect(alone.verified).not.toBe(true);

    const { events, onProgress } = collect();
    const many = await thinkMany(inputs, {
      ...options,
      model: createChainModel(LATENCY_MS),
      budget: totalMs,
      perQuestion: { reserve: 0 },
      onProgress,
    });
    expect(many.results.map((result) => result.stopReason)).toEqual(Array(5).fill("solved"));
    expect(many.results[1]?.usage.elapsedMs).toBeGreaterThan(equalShare);
    const easyDone = events.filter(
      (event) => event.type === "question-finished" && event.index !== 1,
    );
    expect(easyDone.map((event) => event.type === "question-finished" && event.rung)).toEqual([
      0, 0, 0, 0,
    ]);
    expect(many.rungs).toBeGreaterThan(1);
  });

  it("returns the results in input order, whatever order the questions finish in", async () => {
    const names = ["long", "x", "mid", "y"];
    // First slices of 4000 × 0.9 / 16 = 225 ms: the one-step chains (10 ms a step) end in theirs,
    // the long and the mid chains (≥ 400 and 250 ms) need more, and the pool has 5× that.
    const lengths = [40, 1, 25, 1];
    const { events, onProgress } = collect();
    const many = await thinkMany(
      names.map((name, index) => createChainTask(name, lengths[index] ?? 1)),
      { ...options, model: createChainModel(10), budget: 4000, onProgress },
    );
    expect(many.results.map((result) => result.answer)).toEqual(names);
    const finished = events.flatMap((event) =>
      event.type === "question-finished" ? [event.index] : [],
    );
    expect(finished.slice(0, 2)).toEqual([1, 3]);
    expect([...finished].sort()).toEqual([0, 1, 2, 3]);
  });

  it("stops a question at its maximum, though the pool has time to spare", async () => {
    const { events, onProgress } = collect();
    const maxMs = 300;
    // First slices of 4000 / 32 = 125 ms: the hard question reaches its maximum in its second.
    const easy = ["a", "b", "c", "d", "e", "f", "g"].map((name) => createChainTask(name, 1));
    const many = await thinkMany([createChainTask("hard", HARD_STEPS), ...easy], {
      ...options,
      model: createChainModel(LATENCY_MS),
      budget: 4000,
      maxPerQuestion: maxMs,
      perQuestion: { reserve: 0 },
      onProgress,
    });
    const hard = many.results[0];
    expect(hard?.stopReason).toBe("budget");
    expect(hard?.verified).not.toBe(true);
    const slices = events.flatMap((event) =>
      event.type === "question-started" && event.index === 0 ? [event.allottedMs] : [],
    );
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(maxMs);
  });

  it("gives a question at least its minimum in the first slice", async () => {
    const { events, onProgress } = collect();
    const many = await thinkMany([createChainTask("hard", HARD_STEPS), createChainTask("a", 1)], {
      ...options,
      model: createChainModel(LATENCY_MS),
      budget: 4000,
      minPerQuestion: 2000,
      perQuestion: { reserve: 0 },
      onProgress,
    });
    const first = events.find((event) => event.type === "question-started");
    expect(first).toMatchObject({ index: 0, rung: 0, allottedMs: 2000 });
    expect(events.find((event) => event.type === "question-finished")).toMatchObject({
      index: 0,
      rung: 0,
      stopReason: "solved",
    });
    expect(many.results[0]?.answer).toBe("hard");
  });
});

/** The most any slice ran past its allotment: the rest of the step in flight when it ended. */
function findLongestOverrun(events: readonly ThinkManyProgress[]): number {
  const before = new Map<number, { spentMs: number; allottedMs: number }>();
  let longest = 0;
  for (const event of events) {
    if (event.type === "question-started") before.set(event.index, event);
    if (event.type !== "question-paused" && event.type !== "question-finished") continue;
    const start = before.get(event.index);
    if (!start || event.allottedMs === 0) continue;
    longest = Math.max(longest, event.spentMs - start.spentMs - start.allottedMs);
  }
  return longest;
}

describe("thinkMany's pool", () => {
  it("is exceeded by no more than the step in flight when the pool runs out", async () => {
    const totalMs = 600;
    const { events, onProgress } = collect();
    const many = await thinkMany(
      ["p", "q", "r"].map((name) => createChainTask(name, 1000)),
      {
        ...options,
        model: createChainModel(LATENCY_MS),
        budget: totalMs,
        perQuestion: { reserve: 0 },
        onProgress,
      },
    );
    expect(many.results.map((result) => result.stopReason)).toEqual(Array(3).fill("budget"));
    expect(many.spentMs).toBe(
      many.results.reduce((sum, result) => sum + result.usage.elapsedMs, 0),
    );
    // Finishing an open question with no reserve only does bookkeeping: a few ms each at most.
    const finishing = 3 * 25;
    expect(many.spentMs).toBeLessThanOrEqual(totalMs + findLongestOverrun(events) + finishing);
  });

  it("finishes a question it runs out on from its best partial path, with stop reason budget", async () => {
    const many = await thinkMany([createChainTask("long", 1000), createChainTask("longer", 1000)], {
      ...options,
      model: createChainModel(LATENCY_MS),
      budget: 800,
      perQuestion: { reserve: 0.5 },
    });
    for (const result of many.results) {
      expect(result).toMatchObject({ stopReason: "budget", limit: "time" });
      const types = result.tree.events.map((event) => event.type);
      expect(types).toContain("finalizing");
      expect(types.filter((type) => type === "started")).toHaveLength(1);
      expect(types.filter((type) => type === "stopped")).toHaveLength(1);
    }
  });
});

describe("thinkMany's later rungs", () => {
  it("give the most promising open question its slice first", async () => {
    // Scores every state of the chain named "good" 0.9 and of any other chain 0.1.
    const evaluator: Evaluator = {
      name: "by-name",
      async evaluate(context, targets) {
        const value = context.task.question.endsWith("good") ? 0.9 : 0.1;
        return new Map(
          targets.map(({ id }) => [id, { value, scores: [{ source: "heuristic", value }] }]),
        );
      },
    };
    const { events, onProgress } = collect();
    await thinkMany([createChainTask("poor", 1000), createChainTask("good", 1000)], {
      strategy: { name: "beam", width: 1, branching: 1 },
      evaluator,
      model: createChainModel(LATENCY_MS),
      budget: 1000,
      onProgress,
    });
    const starts = events.flatMap((event) =>
      event.type === "question-started" ? [[event.rung, event.index]] : [],
    );
    expect(starts.slice(0, 4)).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ]);
  });
});
