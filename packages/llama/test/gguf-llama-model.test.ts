import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LlamaCompletion, readGgufFileInfo } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { describeLlamaTensors, writeLlamaModel } from "../src/gguf/llama-model.js";
import { createSeededWeights } from "../src/gguf/seeded-weights.js";
import { describeSmallModel, useLlamaWorkspace } from "./gguf-fixture.js";

describe("writeLlamaModel", () => {
  const workspace = useLlamaWorkspace();

  it("writes the same file from weight arrays by name as from an initializer, as an export would", async () => {
    const spec = describeSmallModel();
    const initializer = createSeededWeights(5);
    const shapes = describeLlamaTensors(spec.dims, spec.vocabulary.tokens.length);
    const arrays = Object.fromEntries(shapes.map((shape) => [shape.name, initializer(shape)]));
    await writeLlamaModel(join(workspace.dir, "from-function.gguf"), {
      ...spec,
      weights: initializer,
    });
    await writeLlamaModel(join(workspace.dir, "from-arrays.gguf"), { ...spec, weights: arrays });
    const [first, second] = await Promise.all(
      ["from-function.gguf", "from-arrays.gguf"].map((file) => readFile(join(workspace.dir, file))),
    );
    expect(first?.equals(second as Buffer)).toBe(true);
  });

  it("names a missing weight array and what was given", async () => {
    await expect(
      writeLlamaModel(join(workspace.dir, "missing.gguf"), {
        ...describeSmallModel(),
        weights: {},
      }),
    ).rejects.toThrow(/weights for tensor `token_embd\.weight`, got none \(given: 0 tensors\)/);
  });

  it("rejects dims whose heads do not divide the embedding", async () => {
    const dims = { embedding: 30, layers: 1, feedForward: 8, heads: 4 };
    await expect(
      writeLlamaModel(join(workspace.dir, "bad.gguf"), describeSmallModel({ dims })),
    ).rejects.toThrow(/heads dividing embedding.*"embedding":30/);
  });

  it("writes the keys llama.cpp requires, and a tied-output model without output.weight that runs", async () => {
    const path = join(workspace.dir, "tied.gguf");
    const spec = describeSmallModel({
      dims: { embedding: 32, layers: 1, feedForward: 64, heads: 2, kvHeads: 1, tiedOutput: true },
    });
    const { parameters } = await writeLlamaModel(path, spec);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    expect(info.architectureMetadata).toMatchObject({
      embedding_length: 32,
      block_count: 1,
      feed_forward_length: 64,
      attention: { head_count: 2, head_count_kv: 1 },
      rope: { dimension_count: 16 },
    });
    const names = (info.tensorInfo ?? []).map((tensor) => tensor.name);
    expect(names).not.toContain("output.weight");
    const embeddings = 32 * spec.vocabulary.tokens.length;
    const attention = 2 * 32 * 32 + 2 * 32 * 16;
    expect(parameters).toBe(embeddings + 3 * 32 + attention + 3 * 32 * 64);
    const model = await workspace.llama.loadModel({ modelPath: path });
    const context = await model.createContext({ threads: 1, contextSize: 64 });
    const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
    expect(
      (await completion.generateCompletion("hello", { maxTokens: 4, temperature: 0 })).length,
    ).toBeGreaterThan(0);
    await context.dispose();
    await model.dispose();
  });
});
