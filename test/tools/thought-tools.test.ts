import { createQuestionTask, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { toThoughtTool } from "@deliberate/langchain";
import { createCalculatorTool, createGame24CheckTool } from "@deliberate/tools";
import { describe, expect, it } from "vitest";

const signal = new AbortController().signal;

describe("the tools of @deliberate/tools inside thoughts", () => {
  it("passes the calculator the model's line as its expression", async () => {
    const calculator = toThoughtTool(createCalculatorTool());
    expect(calculator.name).toBe("calculator");
    await expect(calculator.call("1/3 + 1/6", { signal })).resolves.toBe("1/2 (≈ 0.5)");
  });

  it("reports the calculator's own error code as an error observation, and the search answers", async () => {
    const task = createQuestionTask("What is 2 divided by (1 - 1)?", {
      tools: [toThoughtTool(createCalculatorTool())],
    });
    const model = createScriptedModel({
      rules: [
        { match: "Judgement:", reply: "likely" },
        { match: "End of observation.", reply: "Final answer: undefined" },
        { match: () => true, reply: "Action: calculator[2 / (1 - 1)]" },
      ],
    });
    const result = await think(task, { model, strategy: "greedy" });
    const observation = result.tree.nodes.find((node) => node.observation)?.observation;
    expect(observation).toMatchObject({ tool: "calculator", input: "2 / (1 - 1)", ok: false });
    expect(observation?.text).toMatch(/^Error \(DIVISION_BY_ZERO\): /);
    expect(result.answer).toBe("undefined");
  });

  it("feeds the calculator's exact value to the branch that asked", async () => {
    const task = createQuestionTask("What is (13 - 9) * (10 - 4)?", {
      tools: [toThoughtTool(createCalculatorTool()), toThoughtTool(createGame24CheckTool())],
    });
    const model = createScriptedModel({
      rules: [
        { match: "Judgement:", reply: "sure" },
        { match: "24\nEnd of observation.", reply: "Final answer: 24" },
        { match: () => true, reply: "Action: calculator[(13 - 9) * (10 - 4)]" },
      ],
    });
    const result = await think(task, { model, strategy: "greedy" });
    expect(result.tree.nodes.find((node) => node.observation)?.observation?.text).toBe("24");
    expect(result.answer).toBe("24");
    expect(result.usage.toolCalls).toBe(1);
  });
});
