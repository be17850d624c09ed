import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LlamaModel } from "../src/inference/llama-model.js";
import { loadModel } from "../src/load-model.js";
import { quickModelOptions, testModel } from "./inference-fixture.js";

/** Words of the model's own vocabulary, repeated to `bytes` characters. */
function makeText(bytes: number): string {
  return "the answer is in the question and ".repeat(Math.ceil(bytes / 34)).slice(0, bytes);
}

describe("a prompt longer than the context", () => {
  let model: LlamaModel;
  beforeAll(async () => {
    model = await loadModel({ model: testModel, ...quickModelOptions, branches: 1 });
  });
  afterAll(() => model?.dispose());

  it("is refused with the limit, the size that came and what to do (120 KB)", async () => {
    const started = performance.now();
    const refusal = model
      .generate({ segments: [{ text: makeText(120_000) }], maxTokens: 16, n: 2 })
      .catch((error: unknown) => error);
    await expect(refusal).resolves.toMatchObject({
      code: "CONTEXT_OVERFLOW",
      message: expect.stringMatching(
        /^Expected the prompt to fit the context of 512 tokens with 16 left for generation \(`maxTokens`\), got a prompt of \d{5} tokens\. Shorten the input, or load the model with a larger context, up to the 2048 tokens it was trained on: `contextSize` in loadModel, `--context <n>` on the CLI\.$/,
      ),
    });
    // Nothing was evaluated: the refusal costs the tokenization only.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("is refused the same way at 1 MB, through generate and scoreOptions (no stack overflow)", async () => {
    const text = makeText(1_000_000);
    const segments = [
      { text: "Question: ", trusted: true },
      { text },
      { text: "\nAnswer:", trusted: true },
    ];
    await expect(model.generate({ segments, maxTokens: 8 })).rejects.toMatchObject({
      code: "CONTEXT_OVERFLOW",
    });
    await expect(model.scoreOptions({ segments, options: [" yes", " no"] })).rejects.toMatchObject({
      code: "CONTEXT_OVERFLOW",
      message: expect.stringContaining("left for the longest option"),
    });
    expect(model.renderPrompt(segments).length).toBeGreaterThan(100_000);
  });

  it("is refused at 1 MB through a chat template too (no stack overflow)", async () => {
    const chat = await loadModel({
      model: "synthetic:tiny-chat",
      ...quickModelOptions,
      branches: 1,
    });
    try {
      expect(chat.chat).toBe(true);
      await expect(
        chat.generate({ segments: [{ text: makeText(1_000_000) }], maxTokens: 8 }),
      ).rejects.toMatchObject({ code: "CONTEXT_OVERFLOW" });
    } finally {
      await chat.dispose();
    }
  });

  it("says no larger context helps when the model is already at its trained length", async () => {
    const full = await loadModel({
      model: testModel,
      ...quickModelOptions,
      branches: 1,
      contextSize: 4096,
    });
    try {
      expect(full.contextSize).toBe(2048);
      await expect(
        full.generate({ segments: [{ text: makeText(20_000) }], maxTokens: 8 }),
      ).rejects.toMatchObject({
        code: "CONTEXT_OVERFLOW",
        message: expect.stringContaining(
          "This model reads at most 2048 tokens: shorten the input, or use a model with a longer context.",
        ),
      });
    } finally {
      await full.dispose();
    }
  });
});
