import type { Result } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { describeStop, formatResult } from "../src/output/format-result.js";
import { stringifyJson, toResultJson } from "../src/output/result-json.js";

function makeResult(overrides: Partial<Result> = {}): Result {
  return {
    answer: "(13 - 9) * (10 - 4) = 24",
    verified: true,
    stopReason: "solved",
    best: {
      score: 1,
      path: [
        { id: 3, text: "13-9=4 | 4 4 10", score: 0.5 },
        { id: 9, text: "10-4=6\u001b[2J | 4 6", score: 1 },
      ],
    },
    tree: {
      format: "deliberate.tree",
      version: 1,
      question: "Use 4 9 10 13 to make 24",
      task: "game24",
      strategy: "beam",
      nodes: [],
      events: [],
    } as unknown as Result["tree"],
    usage: {
      promptTokens: 120,
      evaluatedPromptTokens: 80,
      generatedTokens: 40,
      calls: 6,
      forks: 0,
      ms: 900,
      nodes: 12,
      toolCalls: 0,
      elapsedMs: 1234,
    },
    ...overrides,
  };
}

describe("formatResult", () => {
  it("prints the answer with its verdict, the best path and the spend", () => {
    const text = formatResult(makeResult());
    expect(text.split("\n")).toEqual([
      "answer: (13 - 9) * (10 - 4) = 24  ✓ verified",
      "best path (score 1.00):",
      "  1. 13-9=4 | 4 4 10  0.50",
      "  2. 10-4=6 | 4 6  1.00",
      "stopped: solved · 12 nodes · 1.23s · 120 prompt + 40 generated tokens · 6 model calls",
    ]);
  });

  it("says when there is no answer and shows the best partial path", () => {
    const text = formatResult(
      makeResult({ answer: undefined, verified: undefined, stopReason: "budget", limit: "time" }),
    );
    expect(text).toMatch(/^no answer within the budget\nbest partial path/);
    expect(text).toContain("stopped: budget (the think time ran out)");
  });

  it("says that a stopped search had no answer yet", () => {
    const text = formatResult(
      makeResult({ answer: undefined, verified: undefined, stopReason: "cancelled" }),
    );
    expect(text).toMatch(/^no answer before the search was stopped\n/);
  });

  it("marks an answer the verifier rejected", () => {
    expect(formatResult(makeResult({ verified: false }))).toContain(
      "✗ rejected by the task's verifier",
    );
  });
});

describe("describeStop", () => {
  it("words each stop reason", () => {
    expect(describeStop(makeResult({ stopReason: "cancelled" }))).toMatch(/^cancelled/);
    expect(describeStop(makeResult({ stopReason: "exhausted" }))).toMatch(/^exhausted/);
    expect(describeStop(makeResult({ stopReason: "failed", error: "boom\u001b[2J" }))).toBe(
      "failed (boom)",
    );
  });
});

describe("toResultJson", () => {
  it("has every key, with null where a value is absent", () => {
    const json = toResultJson(makeResult({ answer: undefined, verified: undefined }), {
      model: "synthetic:tiny",
    });
    expect(json).toMatchObject({
      question: "Use 4 9 10 13 to make 24",
      task: "game24",
      model: "synthetic:tiny",
      answer: null,
      verified: null,
      stopReason: "solved",
      limit: null,
      error: null,
      signal: null,
      elapsedMs: 1234,
      files: { tree: null, html: null },
    });
    expect(json.best.path).toHaveLength(2);
  });
});

describe("stringifyJson", () => {
  it("escapes C1 controls and bidi overrides that JSON.stringify leaves raw", () => {
    const text = stringifyJson({ text: "a\u009bb\u202ec\u001bd" });
    expect(text).toBe('{"text":"a\\u009bb\\u202ec\\u001bd"}');
    expect(JSON.parse(text).text).toBe("a\u009bb\u202ec\u001bd");
  });
});
