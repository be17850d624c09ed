import { readFileSync } from "node:fs";
import { loadModel } from "@deliberate/llama";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBuiltinModel } from "../src/index.js";

interface ReferenceEntry {
  readonly prompt: string;
  readonly options: readonly string[];
  readonly probabilities: readonly number[];
}

const reference = JSON.parse(
  readFileSync(new URL("../models/tiny-reasoner.reference.json", import.meta.url), "utf8"),
) as ReferenceEntry[];

describe("node-llama-cpp running the packaged GGUF", () => {
  let model: Awaited<ReturnType<typeof loadModel>>;
  beforeAll(async () => {
    model = await loadModel({
      model: resolveBuiltinModel("builtin:tiny-reasoner") ?? "",
      branches: 1,
    });
  });
  afterAll(async () => {
    await model?.dispose();
  });

  it.each(reference.map((entry) => [entry.prompt, entry] as const))(
    "gives PyTorch's probabilities within 1e-3 after %j",
    async (_prompt, entry) => {
      const reply = await model.scoreOptions({
        segments: [{ text: entry.prompt, trusted: true }],
        options: entry.options,
      });
      reply.probabilities.forEach((probability, index) => {
        expect(Math.abs(probability - (entry.probabilities[index] ?? Number.NaN))).toBeLessThan(
          1e-3,
        );
      });
    },
  );
});
