import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLlamaError } from "../src/errors.js";
import { loadModel } from "../src/index.js";
import { quickModelOptions, testModel, trainedModel } from "./inference-fixture.js";

describe("loadModel", () => {
  it("rejects a wrong option before touching the model, naming the field", async () => {
    await expect(loadModel({ model: testModel, threads: 0 })).rejects.toThrow(
      "Expected `threads` to be an integer ≥ 1, got `0` (number).",
    );
    await expect(loadModel({ model: testModel, branches: 1.5 })).rejects.toSatisfy((error) =>
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

  it("says when a file is not GGUF, before the native loader sees it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "deliberate-load-"));
    const path = join(dir, "notes.gguf");
    await writeFile(path, "these are notes, not a model\n".repeat(8));
    try {
      const error = await loadModel({ model: path }).catch((caught: unknown) => caught);
      expect(isLlamaError(error, "NOT_GGUF")).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("loads synthetic models by name and knows them for synthetic", async () => {
    const model = await loadModel({
      model: "synthetic:tiny",
      ...quickModelOptions,
      contextSize: 128,
    });
    try {
      expect(model.synthetic).toBe(true);
      expect(model.chat).toBe(false);
      expect(model.file.architecture).toBe("llama");
      const reply = await model.generate({
        segments: [{ text: "the cat" }],
        maxTokens: 4,
        temperature: 0,
      });
      expect(reply.completions[0]?.tokens).toHaveLength(reply.usage.generatedTokens);
    } finally {
      await model.dispose();
    }
  });

  it("renders a chat model's prompt plainly when told chat: false", async () => {
    const model = await loadModel({
      model: "synthetic:tiny-chat",
      ...quickModelOptions,
      contextSize: 128,
      chat: false,
    });
    try {
      expect(model.chat).toBe(false);
      expect(model.file.chatTemplate).toBeDefined();
      expect(model.renderPrompt([{ text: "the cat", role: "system" }])).toEqual([
        model.native.model.tokens.bos,
        ...model.tokenize("the cat"),
      ]);
    } finally {
      await model.dispose();
    }
  });

  it("loads a base model with the pool it was asked for", async () => {
    const model = await loadModel({ model: testModel, ...quickModelOptions, branches: 2 });
    try {
      expect(model.id).toBe("synthetic:tiny");
      expect(model.chat).toBe(false);
      expect(model.branches).toBe(2);
      expect(model.contextSize).toBeGreaterThanOrEqual(512);
      const reply = await model.generate({
        segments: [{ text: "the cat" }],
        maxTokens: 6,
        temperature: 0,
      });
      expect(reply.completions[0]?.finishReason).toBe("length");
    } finally {
      await model.dispose();
    }
  });

  it("rejects a request that does not fit the context", async () => {
    const model = await loadModel({ model: testModel, ...quickModelOptions });
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
    const model = await loadModel({ model: testModel, ...quickModelOptions });
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

describe("loadModel with a real trained model", () => {
  it("continues the tiny reasoner's training format with a correct step", async () => {
    const model = await loadModel({ model: trainedModel, ...quickModelOptions, branches: 1 });
    try {
      expect(model.id).toBe("builtin:tiny-reasoner");
      expect(model.synthetic).toBe(false);
      const reply = await model.generate({
        segments: [{ text: "2 12 |" }],
        maxTokens: 16,
        temperature: 0,
        stop: ["\n"],
      });
      // "2 12 |" asks for one step on 2 and 12: the trained model writes the one that makes 24.
      expect(reply.completions[0]?.text).toMatch(/^ (12\*2|2\*12)=24 \| 24/);
    } finally {
      await model.dispose();
    }
  });
});
