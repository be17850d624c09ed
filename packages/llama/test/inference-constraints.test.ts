import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChoiceGbnf, type LlamaModel, loadModel } from "../src/index.js";
import { quickModelOptions, testModel } from "./inference-fixture.js";

describe("buildChoiceGbnf", () => {
  it("quotes every option as a GBNF literal", () => {
    expect(buildChoiceGbnf(["sure", 'say "hi"\n'])).toBe('root ::= "sure" | "say \\"hi\\"\\n"');
  });

  it("rejects an empty option list", () => {
    expect(() => buildChoiceGbnf([])).toThrow(/at least one option/);
  });
});

describe("LlamaModel constraints", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: testModel, ...quickModelOptions });
  });
  afterAll(() => model.dispose());

  const segments = [{ text: "Once upon a time, the girl said:", trusted: true }];

  it("writes exactly one of the choices on every branch", async () => {
    const options = ["sure", "likely", "impossible"];
    const reply = await model.generate({
      segments,
      maxTokens: 12,
      n: 4,
      temperature: 1.5,
      seed: 21,
      constraint: { kind: "choice", options },
    });
    for (const completion of reply.completions) {
      expect(options).toContain(completion.text);
      expect(completion.finishReason).toBe("stop");
    }
  });

  it("writes JSON that parses and follows the schema", async () => {
    const schema = {
      type: "object",
      properties: {
        answer: { enum: ["yes", "no"] },
        steps: { type: "array", items: { enum: [1, 2, 3] }, maxItems: 2 },
      },
      required: ["answer", "steps"],
      additionalProperties: false,
    };
    const reply = await model.generate({
      segments,
      maxTokens: 120,
      n: 3,
      temperature: 0.8,
      seed: 4,
      constraint: { kind: "json-schema", schema },
    });
    for (const completion of reply.completions) {
      expect(completion.finishReason).toBe("stop");
      const value = JSON.parse(completion.text) as { answer: string; steps: number[] };
      expect(["yes", "no"]).toContain(value.answer);
      expect(value.steps.every((step) => [1, 2, 3].includes(step))).toBe(true);
    }
  });

  it("follows a GBNF grammar as given", async () => {
    const reply = await model.generate({
      segments,
      maxTokens: 24,
      n: 4,
      temperature: 1,
      seed: 8,
      constraint: { kind: "gbnf", grammar: 'root ::= [0-9] [0-9]? " " ("+" | "-") " " [0-9]' },
    });
    for (const completion of reply.completions)
      expect(completion.text).toMatch(/^[0-9]{1,2} [+-] [0-9]$/);
  });

  it("applies the constraint under greedy sampling too", async () => {
    const reply = await model.generate({
      segments,
      maxTokens: 8,
      temperature: 0,
      constraint: { kind: "choice", options: ["yes", "no"] },
    });
    expect(["yes", "no"]).toContain(reply.completions[0]?.text);
  });
});
