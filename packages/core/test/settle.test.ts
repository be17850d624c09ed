import { createQuestionTask, think } from "@deliberate/core";
import { measureLeadConfidence } from "@deliberate/core/options";
import { createScriptedModel } from "@deliberate/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTLE_RULE, findConsensus } from "../src/engine/settle.js";
import type { TreeNode } from "../src/tree/schema.js";
import { createGraphModel, createGraphTask, type GraphSpec } from "./helpers/graph-task.js";

function answerNode(id: number, answer: string, verified?: boolean): TreeNode {
  return {
    id,
    parent: 0,
    depth: 1,
    text: answer,
    status: "terminal",
    answer,
    scores: [],
    ...(verified === undefined ? {} : { verified }),
    usage: { promptTokens: 0, evaluatedPromptTokens: 0, generatedTokens: 0, ms: 0 },
    createdAt: 0,
  };
}

/** A model whose every chain answers `answer` after one thought. */
function agreeingModel(answer: (seed: number) => string) {
  return createScriptedModel({
    rules: [
      { match: "Judgement:", reply: "likely" },
      {
        match: /.*/s,
        reply: ({ prompt, seed }) =>
          prompt.includes("Thought") ? `Final answer: ${answer(seed)}` : `Thought ${seed}`,
      },
    ],
  });
}

describe("the Beta test of the leading answer", () => {
  it("gives the exact probability that the leading answer beats the runner-up", () => {
    expect(measureLeadConfidence(3, 0)).toBeCloseTo(15 / 16, 12);
    expect(measureLeadConfidence(4, 0)).toBeCloseTo(31 / 32, 12);
    expect(measureLeadConfidence(6, 1)).toBeCloseTo(1 - 9 / 256, 12);
    expect(measureLeadConfidence(2, 2)).toBeCloseTo(0.5, 12);
    expect(measureLeadConfidence(5000, 4000)).toBeCloseTo(1, 9);
  });

  it("is a probability: the two leaders' chances add up to one", () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), (a, b) => {
        expect(measureLeadConfidence(a, b) + measureLeadConfidence(b, a)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe("findConsensus", () => {
  const rule = DEFAULT_SETTLE_RULE;

  it("settles four agreeing answers but not three", () => {
    const nodes = [1, 2, 3].map((id) => answerNode(id, "42"));
    expect(findConsensus(nodes, rule)).toBeUndefined();
    expect(findConsensus([...nodes, answerNode(4, " 42 ")], rule)).toBe(1);
  });

  it("never settles a tie, and never counts an answer the verifier rejected", () => {
    const tie = [1, 2, 3, 4].map((id) => answerNode(id, id % 2 ? "a" : "b"));
    expect(findConsensus(tie, rule)).toBeUndefined();
    const rejected = [1, 2, 3, 4, 5].map((id) => answerNode(id, "7", false));
    expect(findConsensus(rejected, rule)).toBeUndefined();
  });
});

describe("settling a question without a verifier", () => {
  it("stops settled once enough chains agree, long before the samples asked for", async () => {
    const result = await think(createQuestionTask("Which?", { maxDepth: 3 }), {
      model: agreeingModel(() => "42"),
      strategy: { name: "self-consistency", samples: 200, chunk: 4 },
      budget: { time: "30s" },
    });
    expect(result.stopReason).toBe("settled");
    expect(result.answer).toBe("42");
    const answers = result.tree.nodes.filter((node) => node.status === "terminal");
    // One chunk of four agreeing answers is enough (P = 31/32 ≥ 0.95).
    expect(answers).toHaveLength(4);
  });

  it("is the default search's stop too: an easy question ends early", async () => {
    const result = await think(createQuestionTask("Which?", { maxDepth: 3 }), {
      model: agreeingModel(() => "42"),
      budget: { time: "30s" },
    });
    expect(result.stopReason).toBe("settled");
    expect(result.answer).toBe("42");
  });

  it("keeps going while the answers disagree, and never settles with `settle: false`", async () => {
    const split = await think(createQuestionTask("Which?", { maxDepth: 3 }), {
      model: agreeingModel((seed) => String(seed % 2)),
      strategy: { name: "self-consistency", samples: 16, chunk: 4 },
      onExhausted: "stop",
    });
    expect(split.stopReason).not.toBe("settled");
    const off = await think(createQuestionTask("Which?", { maxDepth: 3 }), {
      model: agreeingModel(() => "42"),
      strategy: { name: "self-consistency", samples: 16, chunk: 4 },
      onExhausted: "stop",
      settle: false,
    });
    expect(off.stopReason).not.toBe("settled");
    expect(off.tree.nodes.filter((node) => node.status === "terminal")).toHaveLength(16);
  });

  it("settles an answer whose value stays high for steps in a row", async () => {
    const sure: GraphSpec = {
      edges: { root: ["a", "b"], a: ["a-end"], b: ["b-mid"], "b-mid": ["b-far"] },
      goals: { "a-end": "7" },
      judgements: { "a-end": "sure" },
    };
    const result = await think(createGraphTask(sure), {
      model: createGraphModel(sure),
      strategy: { name: "best-first", branching: 2 },
      settle: { votes: 100, steadySteps: 2 },
      budget: { time: "30s" },
    });
    expect(result.stopReason).toBe("settled");
    expect(result.answer).toBe("7");
  });

  it("never settles a task whose verifier rejects the answers", async () => {
    const wrong: GraphSpec = {
      edges: { root: ["a", "b"], a: ["a-end"], b: ["b-end"] },
      goals: { "a-end": "7", "b-end": "7" },
      correct: "42",
      judgements: { "a-end": "sure", "b-end": "sure" },
    };
    const result = await think(createGraphTask(wrong), {
      model: createGraphModel(wrong),
      strategy: { name: "beam", width: 2, branching: 2 },
      settle: { votes: 1, steadySteps: 1 },
      onExhausted: "stop",
    });
    expect(result.stopReason).toBe("exhausted");
  });
});
