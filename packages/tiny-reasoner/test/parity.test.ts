import { readFileSync } from "node:fs";
import { loadModel } from "@deliberate/llama";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBuiltinModel } from "../src/index.js";

interface ReferenceEntry {
  readonly prompt: string;
  readonly options: readonly string[];
  readonly probabilities: readonly number[];
}

// Next-token probabilities (one-token options) and the value words must agree within 1e-3. A whole
// step or trace option is a product of up to 20 token probabilities, each a little off in F32, so
// those get 2e-3 (the largest difference measured on the committed model: 9.4e-4).
const NEXT_TOKEN_TOLERANCE = 1e-3;
const WHOLE_STEP_TOLERANCE = 2e-3;

function toleranceOf(entry: ReferenceEntry): number {
  const longest = Math.max(...entry.options.map((option) => option.length));
  return longest <= " impossible".length ? NEXT_TOKEN_TOLERANCE : WHOLE_STEP_TOLERANCE;
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
    "gives PyTorch's probabilities after %j",
    async (_prompt, entry) => {
      const reply = await model.scoreOptions({
        segments: [{ text: entry.prompt, trusted: true }],
        options: entry.options,
      });
      reply.probabilities.forEach((probability, index) => {
        expect(Math.abs(probability - (entry.probabilities[index] ?? Number.NaN))).toBeLessThan(
          toleranceOf(entry),
        );
      });
    },
  );
});
