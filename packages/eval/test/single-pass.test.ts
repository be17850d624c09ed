import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import { chooseMajority, createGame24Cases, getMethod } from "../src/index.js";

const settings = { temperature: 0.7, branching: 4, samples: 5, maxNodes: 50, concurrency: 2 };
const [evalCase] = createGame24Cases({ puzzles: ["4 9 10 13"], profile: "compact" });

describe("chooseMajority", () => {
  it("picks the answer most replies gave, ignoring spaces, ties to the earlier", () => {
    expect(chooseMajority(["1+2", "3*8", " 3 * 8", undefined])).toBe("3*8");
    expect(chooseMajority(["a", "b"])).toBe("a");
    expect(chooseMajority([undefined])).toBeUndefined();
  });
});

describe("single-pass methods", () => {
  it("counts CoT-SC solved when the majority trace checks, with k samples' tokens", async () => {
    const model = createScriptedModel({
      rules: [
        {
          match: "4 9 10 13 >",
          reply: [" 13-9=4 | 4 4 10 > 10-4=6 | 4 6 > 4*6=24 | 24", " 4+9=13 | 10 13 13"],
        },
      ],
    });
    if (!evalCase) throw new Error("expected a case");
    const outcome = await getMethod("cot-sc").run({
      model,
      evalCase,
      budgetMs: 5000,
      seed: 0,
      settings,
    });
    expect(outcome).toMatchObject({ solved: true, stopReason: "solved", calls: 3 });
    expect(outcome.answer).toBe("(13 - 9) * (10 - 4) = 24");
  });

  it("stops at the deadline and counts the case unsolved", async () => {
    const model = createScriptedModel({ rules: [], latencyMs: 2000 });
    if (!evalCase) throw new Error("expected a case");
    const outcome = await getMethod("io").run({ model, evalCase, budgetMs: 50, seed: 0, settings });
    expect(outcome).toMatchObject({ solved: false, stopReason: "budget" });
    expect(outcome.seconds).toBeLessThan(1.5);
  });
});
