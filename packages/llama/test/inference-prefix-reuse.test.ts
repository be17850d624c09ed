import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LlamaModel, loadModel } from "../src/index.js";
import { quickModelOptions, testModel } from "./inference-fixture.js";

describe("LlamaModel prefix reuse", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: testModel, ...quickModelOptions });
  });
  afterAll(() => model.dispose());

  const root = { text: "Once upon a time, there was a little girl named Lily.", trusted: true };

  it("evaluates the whole prompt of a first request", async () => {
    const reply = await model.generate({ segments: [root], maxTokens: 8, temperature: 0 });
    expect(reply.usage.promptTokens).toBe(model.renderPrompt([root]).length);
    expect(reply.usage.evaluatedPromptTokens).toBe(reply.usage.promptTokens);
    expect(reply.usage.calls).toBe(1);
  });

  it("evaluates only the new tail of a child prompt", async () => {
    const parent = await model.generate({ segments: [root], maxTokens: 12, temperature: 0 });
    const thought = parent.completions[0];
    const child = await model.generate({
      segments: [root, { text: thought?.text ?? "", tokens: thought?.tokens }, { text: " Then" }],
      maxTokens: 4,
      temperature: 0,
    });
    // The parent's last sampled token was never evaluated, plus " Then" and the prompt's last token.
    expect(child.usage.evaluatedPromptTokens).toBeLessThanOrEqual(4);
    expect(child.usage.promptTokens).toBeGreaterThan(20);
  });

  it("forks the parent state into the siblings instead of evaluating it again", async () => {
    const fresh = { text: "One day, a big dog ran into the garden and saw a ball.", trusted: true };
    const reply = await model.generate({
      segments: [fresh],
      maxTokens: 6,
      n: 4,
      temperature: 1,
      seed: 3,
    });
    const promptTokens = reply.usage.promptTokens;
    expect(reply.usage.forks).toBe(3);
    // The prefix (but BOS, which every sequence already holds) once, then the last prompt token once per branch.
    expect(reply.usage.evaluatedPromptTokens).toBe(promptTokens - 2 + 4);
    expect(reply.completions).toHaveLength(4);
  });

  it("reuses the prompt when the same prompt comes again", async () => {
    const segments = [{ text: "The sun was shining and the birds sang.", trusted: true }];
    await model.generate({ segments, maxTokens: 4, n: 4, temperature: 1, seed: 1 });
    const again = await model.generate({ segments, maxTokens: 4, n: 4, temperature: 1, seed: 9 });
    expect(again.usage.evaluatedPromptTokens).toBe(4);
    expect(again.usage.forks).toBe(0);
  });

  it("runs more branches than sequences in waves", async () => {
    const reply = await model.generate({
      segments: [root],
      maxTokens: 5,
      n: 6,
      temperature: 1,
      seed: 11,
    });
    expect(reply.completions).toHaveLength(6);
    const generated = reply.completions.reduce(
      (sum, completion) => sum + (completion.tokens?.length ?? 0),
      0,
    );
    expect(reply.usage.generatedTokens).toBe(generated);
    expect(reply.completions.every((completion) => completion.finishReason !== "aborted")).toBe(
      true,
    );
  });

  it("uses the tokens a segment carries as they are", async () => {
    const tokens = model.tokenize(" a red kite");
    const withTokens = model.renderPrompt([root, { text: "something else entirely", tokens }]);
    expect(withTokens.slice(-tokens.length)).toEqual(tokens);
  });
});
