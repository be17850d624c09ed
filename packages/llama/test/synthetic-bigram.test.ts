import { join } from "node:path";
import type { LlamaModel, Token } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { writeBigramModel } from "../src/gguf/synthetic/bigram-model.js";
import { ensureSyntheticModel } from "../src/gguf/synthetic/ensure-synthetic-model.js";
import { DEFAULT_BIGRAM } from "../src/gguf/synthetic/synthetic-catalog.js";
import { useLlamaWorkspace } from "./gguf-fixture.js";

/** Next-token probabilities after each token of `path` (which starts with `<s>`). */
async function readNextProbabilities(
  model: LlamaModel,
  path: Token[],
): Promise<Map<Token, number>[]> {
  const context = await model.createContext({ threads: 1, contextSize: 64 });
  try {
    const sequence = context.getSequence();
    const outputs = await sequence.controlledEvaluate(
      path.map((token) => [token, { generateNext: { probabilities: true } }]),
    );
    return outputs.map((output) => output?.next.probabilities ?? new Map());
  } finally {
    await context.dispose();
  }
}

describe("writeBigramModel", () => {
  const workspace = useLlamaWorkspace();

  it("makes synthetic:bigram's next-token probabilities equal its table, row by row", async () => {
    const modelPath = await ensureSyntheticModel("bigram", workspace.dir);
    const { ids } = await writeBigramModel(join(workspace.dir, "ids.gguf"), DEFAULT_BIGRAM);
    const model = await workspace.llama.loadModel({ modelPath });
    const rows = ["<s>", " yes", " the", " cat", " sat", ".", " no", " the", " dog", " ran"];
    const probabilities = await readNextProbabilities(
      model,
      rows.map((row) => ids[row] as Token),
    );
    rows.forEach((row, index) => {
      const next = probabilities[index] as Map<Token, number>;
      for (const [token, expected] of Object.entries(DEFAULT_BIGRAM.table[row] ?? {})) {
        expect(next.get(ids[token] as Token) ?? 0, `${row} → ${token}`).toBeCloseTo(expected, 6);
      }
    });
    await model.dispose();
  });

  it("follows a custom table, and a token without a row by any given token uniformly", async () => {
    const path = join(workspace.dir, "abc.gguf");
    const { ids } = await writeBigramModel(path, {
      tokens: [" A", " B", " C"],
      table: { "<s>": { " A": 0.1, " B": 0.2, " C": 0.7 } },
    });
    const model = await workspace.llama.loadModel({ modelPath: path });
    const [afterStart, afterA] = await readNextProbabilities(model, [
      ids["<s>"],
      ids[" A"],
    ] as Token[]);
    expect([" A", " B", " C"].map((token) => afterStart?.get(ids[token] as Token))).toEqual([
      expect.closeTo(0.1, 6),
      expect.closeTo(0.2, 6),
      expect.closeTo(0.7, 6),
    ]);
    for (const token of [" A", " B", " C"])
      expect(afterA?.get(ids[token] as Token)).toBeCloseTo(1 / 3, 6);
    await model.dispose();
  });

  it("rejects a row that does not sum to 1 and a column that is no token", async () => {
    const tokens = [" A", " B"];
    await expect(
      writeBigramModel(join(workspace.dir, "bad.gguf"), { tokens, table: { " A": { " B": 0.9 } } }),
    ).rejects.toThrow(/row " A" .*summing to 1, got a sum of 0\.9/);
    await expect(
      writeBigramModel(join(workspace.dir, "bad.gguf"), { tokens, table: { " A": { " Z": 1 } } }),
    ).rejects.toThrow(/one of `tokens`, "<s>", "<\/s>" or a control token of `chat`, got " Z"/);
  });
});
