import { createQuestionTask, parseTree, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import { createHangingTool, createTestTool, searchWithTools } from "./helpers/tool-search.js";

describe("tool calls inside thoughts", () => {
  it("shows a tool's observation to its own branch's later prompts and to no other branch", async () => {
    const echo = createTestTool("echo", (input) => `seen:${input}`);
    const { result, prompts } = await searchWithTools([echo], (call) => {
      if (call.prompt.includes("seen:left")) return "Final answer: L";
      if (call.prompt.includes("seen:right")) return "Final answer: R";
      return call.index === 0 ? "Action: echo[left]" : "Action: echo[right]";
    });
    expect(echo.inputs.sort()).toEqual(["left", "right"]);
    const left = result.tree.nodes.find((node) => node.text === "Action: echo[left]");
    expect(left?.observation).toMatchObject({ tool: "echo", input: "left", text: "seen:left" });
    expect(left?.observation?.ok).toBe(true);
    const leftPrompts = prompts.filter((prompt) => prompt.includes("seen:left"));
    const rightPrompts = prompts.filter((prompt) => prompt.includes("seen:right"));
    expect(leftPrompts.length).toBeGreaterThan(0);
    expect(rightPrompts.length).toBeGreaterThan(0);
    expect(leftPrompts.some((prompt) => prompt.includes("seen:right"))).toBe(false);
    expect(["L", "R"]).toContain(result.answer);
    expect(result.usage.toolCalls).toBe(2);
  });

  it("shows the vote each candidate's own observation", async () => {
    const votes: string[] = [];
    const model = createScriptedModel({
      rules: [
        {
          match: "Which choice",
          reply: ({ prompt }) => {
            votes.push(prompt);
            return "The best choice is 1";
          },
        },
        { match: "seen:", reply: "Final answer: 1" },
        { match: () => true, reply: ["Action: echo[left]", "Action: echo[right]"] },
      ],
    });
    const echo = createTestTool("echo", (input) => `seen:${input}`);
    await think(createQuestionTask("Which way?", { tools: [echo], maxDepth: 2 }), {
      model,
      evaluator: "vote",
      strategy: { name: "beam", width: 1, branching: 2 },
    });
    expect(votes[0]).toMatch(/Choice 1: Action: echo\[left\]\nObservation[^\n]*\nseen:left/s);
    expect(votes[0]).toMatch(/Choice 2: Action: echo\[right\]\nObservation[^\n]*\nseen:right/s);
  });

  it("lists the tools and the call syntax in the instructions", async () => {
    const echo = createTestTool("echo", (input) => input);
    const { prompts } = await searchWithTools([echo], () => "Final answer: 1");
    expect(prompts[0]).toContain("Action: <tool>[<input>]");
    expect(prompts[0]).toContain("- echo: The echo tool of a test.");
  });

  it("turns a throwing tool and a hanging tool into error observations, and still answers", async () => {
    const boom = createTestTool("boom", () => {
      throw new Error("kaput");
    });
    const stall = createHangingTool("stall");
    const started = performance.now();
    const { result } = await searchWithTools(
      [boom, stall],
      (call) => {
        if (call.prompt.includes("End of observation.")) return "Final answer: 42";
        return call.index === 0 ? "Action: boom[1]" : "Action: stall[2]";
      },
      { toolTimeout: 50 },
    );
    const observed = result.tree.nodes.map((node) => node.observation).filter(Boolean);
    expect(observed).toHaveLength(2);
    expect(observed.find((o) => o?.tool === "boom")).toMatchObject({
      ok: false,
      text: "Error (TOOL_ERROR): kaput",
    });
    expect(observed.find((o) => o?.tool === "stall")?.text).toMatch(/^Error \(TIMEOUT\)/);
    expect(stall.signals[0]?.aborted).toBe(true);
    expect(result.answer).toBe("42");
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("observes an unknown tool name as an error and searches on", async () => {
    const echo = createTestTool("echo", (input) => input);
    const { result, prompts } = await searchWithTools([echo], (call) =>
      call.prompt.includes("End of observation.") ? "Final answer: 3" : "Action: nosuch[1 + 2]",
    );
    const node = result.tree.nodes.find((candidate) => candidate.observation);
    expect(node?.observation).toMatchObject({ tool: "nosuch", ok: false });
    expect(node?.observation?.text).toMatch(/^Error \(UNKNOWN_TOOL\): Expected one of the tools/);
    expect(prompts.some((prompt) => prompt.includes("UNKNOWN_TOOL"))).toBe(true);
    expect(echo.inputs).toEqual([]);
    expect(result.answer).toBe("3");
  });

  it("cuts a long output to maxObservationChars and says so in the prompt", async () => {
    const flood = createTestTool("flood", () => "x".repeat(10_000));
    const { result, requests } = await searchWithTools(
      [flood],
      (call) =>
        call.prompt.includes("End of observation.") ? "Final answer: 1" : "Action: flood[]",
      { maxObservationChars: 100 },
    );
    const observation = result.tree.nodes.find((node) => node.observation)?.observation;
    expect(observation?.text).toHaveLength(100);
    expect(observation?.cut).toBe(9900);
    const note = requests
      .flatMap((request) => request.segments)
      .find((segment) => segment.text.includes("9900 more characters cut"));
    expect(note?.trusted).toBe(true);
  });

  it("ends promptly when the search is cancelled during a hanging tool call", async () => {
    const controller = new AbortController();
    const stall = createHangingTool("stall");
    const task = createQuestionTask("What is 6 times 7?", { tools: [stall] });
    const model = createScriptedModel({
      rules: [
        { match: "Judgement:", reply: "likely" },
        { match: () => true, reply: "Action: stall[now]" },
      ],
    });
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const result = await think(task, {
      model,
      strategy: "greedy",
      toolTimeout: 60_000,
      signal: controller.signal,
    });
    expect(result.stopReason).toBe("cancelled");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(stall.signals[0]?.aborted).toBe(true);
    // A step cut short adds nothing: no node waits for an observation that never came.
    expect(result.tree.nodes).toHaveLength(1);
  }, 5000);

  it("stops at the think-time deadline during a hanging tool call", async () => {
    const stall = createHangingTool("stall");
    const started = performance.now();
    const { result } = await searchWithTools([stall], () => "Action: stall[now]", {
      toolTimeout: 60_000,
      budget: { time: 300 },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.limit).toBe("time");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(stall.signals.every((signal) => signal.aborted)).toBe(true);
  }, 5000);

  it("saves observations in a tree that loads again", async () => {
    const echo = createTestTool("echo", (input) => input);
    const { result } = await searchWithTools([echo], (call) =>
      call.prompt.includes("End of observation.") ? "Final answer: 1" : "Action: echo[hi]",
    );
    const loaded = parseTree(JSON.parse(JSON.stringify(result.tree)));
    expect(loaded.nodes.find((node) => node.observation)?.observation?.text).toBe("hi");
  });
});

describe("tool options", () => {
  it("rejects a tool timeout that is not a duration", async () => {
    const model = createScriptedModel({ rules: [] });
    await expect(think("Why?", { model, toolTimeout: "soon" })).rejects.toMatchObject({
      code: "INVALID_OPTION",
      field: "toolTimeout",
    });
  });

  it("rejects two tools of one name and a name the call syntax cannot carry", () => {
    const echo = createTestTool("echo", (input) => input);
    expect(() => createQuestionTask("Why?", { tools: [echo, echo] })).toThrow(/names that differ/);
    const spaced = { ...echo, name: "two words" };
    expect(() => createQuestionTask("Why?", { tools: [spaced] })).toThrow(
      expect.objectContaining({ code: "INVALID_TASK", field: "tools.0" }),
    );
  });
});
