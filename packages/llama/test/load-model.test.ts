import { describe, expect, it } from "vitest";
import { isLlamaError } from "../src/errors.js";
import { loadModel } from "../src/index.js";
import { quickModelOptions, storiesModelPath } from "./inference-fixture.js";

describe("loadModel", () => {
  it("rejects a wrong option before touching the model, naming the field", async () => {
    await expect(loadModel({ model: storiesModelPath, threads: 0 })).rejects.toThrow(
      "Expected `threads` to be an integer ≥ 1, got `0` (number).",
    );
    await expect(loadModel({ model: storiesModelPath, branches: 1.5 })).rejects.toSatisfy((error) =>
      isLlamaError(error, "INVALID_OPTION"),
    );
  });

  it("says which file is missing", async () => {
    const error = await loadModel({ model: "/nowhere/model.gguf" }).catch(
      (caught: unknown) => caught,
    );
    expect(isLlamaError(error, "MODEL_NOT_FOUND")).toBe(true);
    expect(String(error)).toContain("/nowhere/model.gguf");
  });

  it("loads a base model with the pool it was asked for", async () => {
    const model = await loadModel({ model: storiesModelPath, ...quickModelOptions, branches: 2 });
    try {
      expect(model.id).toBe("llama:stories260K.gguf");
      expect(model.chat).toBe(false);
      expect(model.branches).toBe(2);
      expect(model.contextSize).toBeGreaterThanOrEqual(512);
      const reply = await model.generate({
        segments: [{ text: "Once upon a time" }],
        maxTokens: 6,
        temperature: 0,
      });
      expect(reply.completions[0]?.text).toMatch(/^, there was/);
    } finally {
      await model.dispose();
    }
  });

  it("rejects a request that does not fit the context", async () => {
    const model = await loadModel({ model: storiesModelPath, ...quickModelOptions });
    try {
      await expect(model.generate({ segments: [{ text: "Hi" }], maxTokens: 5000 })).rejects.toThrow(
        /fit the context/,
      );
      await expect(
        model.generate({ segments: [{ text: "Hi" }], maxTokens: 4, n: 0 }),
      ).rejects.toThrow("Expected `n` to be an integer ≥ 1, got `0` (number).");
    } finally {
      await model.dispose();
    }
  });
});

describe("LlamaModel.dispose", () => {
  it("ends requests in flight as aborted and refuses new ones", async () => {
    const model = await loadModel({ model: storiesModelPath, ...quickModelOptions });
    const pending = model.generate({
      segments: [{ text: "Once upon a time" }],
      maxTokens: 400,
      n: 2,
      temperature: 1,
    });
    await new Promise((resolve) => setImmediate(resolve));
    await model.dispose();
    const reply = await pending;
    expect(reply.completions.every((completion) => completion.finishReason === "aborted")).toBe(
      true,
    );
    await expect(model.generate({ segments: [{ text: "Again" }], maxTokens: 2 })).rejects.toThrow(
      /disposed/,
    );
    await model.dispose();
  });
});
