import type { SearchTree } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { renderText } from "../src/index.js";
import { HOSTILE_TEXTS, sampleTree } from "../src/testing/index.js";

function buildSmallTree(): SearchTree {
  const usage = { promptTokens: 10, evaluatedPromptTokens: 10, generatedTokens: 5, ms: 3 };
  const node = (id: number, parent: number | null, text: string, extra = {}) => ({
    id,
    parent,
    depth: parent === null ? 0 : 1,
    text,
    status: "open" as const,
    scores: [],
    usage,
    createdAt: 0,
    ...extra,
  });
  return {
    format: "deliberate.tree",
    version: 1,
    question: "Use 4 9 10 13 to make 24",
    task: "game24",
    strategy: "beam",
    nodes: [
      node(0, null, "Use 4 9 10 13 to make 24", { status: "expanded" }),
      node(1, 0, "13 - 9 = 4", {
        status: "terminal",
        score: 0.9,
        scores: [{ source: "value", value: 0.9 }],
        answer: "24",
        verified: true,
      }),
      node(2, 0, "10 - 4 = 6", {
        status: "pruned",
        reason: "below threshold",
        score: 0.1,
        scores: [{ source: "value", value: 0.1 }],
      }),
      node(3, 0, "garbage", { status: "invalid", reason: "does not parse", raw: "I like turtles" }),
    ],
    events: [],
    bestPath: [0, 1],
    stopReason: "solved",
  };
}

describe("renderText", () => {
  it("draws an indented tree with status marks, scores and the best path", () => {
    expect(renderText(buildSmallTree())).toBe(
      [
        "★ ● Use 4 9 10 13 to make 24",
        "├─ ★ ◆ 13 - 9 = 4  0.90 (value 0.90)  answer: 24 ✓",
        "├─ ✗ 10 - 4 = 6  0.10 (value 0.10)  — pruned: below threshold",
        '└─ ! garbage  — invalid: does not parse  raw: "I like turtles"',
        "stopped: solved",
      ].join("\n"),
    );
  });

  it("writes no escape codes unless colour is asked for", () => {
    expect(renderText(buildSmallTree())).not.toContain("\u001b");
    expect(renderText(buildSmallTree(), { color: true })).toContain("\u001b[32m");
  });

  it("strips control characters a model wrote, so the terminal cannot be driven", () => {
    const text = renderText(sampleTree({ nodes: 20, texts: HOSTILE_TEXTS }));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/);
    expect(text).toContain(" [31mred [0m and a bell");
  });

  it("shows a tool observation flattened, with its control characters removed", () => {
    const tree = buildSmallTree();
    const observation = { tool: "calc\u001b[2J", input: "1/0", ok: false, ms: 2 };
    tree.nodes.push(
      { ...(tree.nodes[2] as SearchTree["nodes"][number]), id: 4, text: "Action: calc[1/0]" },
      {
        ...(tree.nodes[2] as SearchTree["nodes"][number]),
        id: 5,
        text: "Action: calc[2*3]",
        observation: { ...observation, tool: "calc", ok: true, text: "6" },
      },
    );
    (tree.nodes[4] as { observation?: unknown }).observation = {
      ...observation,
      text: "Error (DIVISION_BY_ZERO):\n\u001b[31mno\u0007",
    };
    const lines = renderText(tree).split("\n");
    expect(lines.find((line) => line.includes("calc[1/0]"))).toContain(
      "⚙ calc [2J ✗: Error (DIVISION_BY_ZERO): [31mno",
    );
    expect(lines.find((line) => line.includes("calc[2*3]"))).toContain("⚙ calc: 6");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(lines.join("\n")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it("summarises levels deeper than maxDepth", () => {
    const text = renderText(sampleTree({ nodes: 60, seed: 2 }), { maxDepth: 1 });
    expect(text).toMatch(/… \d+ more/);
    expect(text.split("\n").every((line) => !line.startsWith("│  ├─"))).toBe(true);
  });

  it("cuts long thoughts to maxTextLength", () => {
    const tree = buildSmallTree();
    (tree.nodes[1] as { text: string }).text = "x".repeat(500);
    expect(renderText(tree, { maxTextLength: 10 })).toContain(`${"x".repeat(9)}…`);
  });
});
