import { createQuestionTask, think } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { createLangChainCalculatorTool, toThoughtTool } from "@deliberate/langchain";
import { createCalculatorTool, createGame24CheckTool } from "@deliberate/tools";
import { describe, expect, it } from "vitest";

const signal = new AbortController().signal;

describe("the tools of @deliberate/tools inside thoughts", () => {
  it("answers the same through LangChain and back as directly", async () => {
    const direct = createCalculatorTool();
    const throughLangChain = toThoughtTool(createLangChainCalculatorTool());
    expect(throughLangChain).toMatchObject({ name: direct.name, description: direct.description });
    for (const input of ["1/3 + 1/6", "2 / (1 - 1)", "2 +"]) {
      const read = (tool: typeof direct) =>
        tool.call(input, { signal }).then(
          (text) => text,
          (error: { code: string; message: string }) => `Error (${error.code}): ${error.message}`,
        );
      expect(await read(throughLangChain)).toBe(await read(direct));
    }
  });

  it("reports the calculator's own error code as an error observation, and the search answers", async () => {
    const task = createQuestionTask("What is 2 divided by (1 - 1)?", {
      tools: [createCalculatorTool()],
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
      tools: [createCalculatorTool(), createGame24CheckTool()],
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
