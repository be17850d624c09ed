import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  ChatMLChatWrapper,
  LlamaChatSession,
  LlamaCompletion,
  readGgufFileInfo,
  resolveChatWrapper,
} from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { countLlamaParameters } from "../src/gguf/llama-model.js";
import { buildLlamaVocabulary } from "../src/gguf/llama-vocabulary.js";
import { listEnglishPieces } from "../src/gguf/synthetic/english-pieces.js";
import { ensureSyntheticModel } from "../src/gguf/synthetic/ensure-synthetic-model.js";
import { BENCH_DIMS, TINY_DIMS } from "../src/gguf/synthetic/synthetic-catalog.js";
import { makeTempDir, useLlamaWorkspace, writeSmallModel } from "./gguf-fixture.js";

/**
 * The bytes of each synthetic model, pinned: a change here means the cached files of every user
 * are stale, so bump SYNTHETIC_GENERATION with the new hashes.
 */
const PINNED_SHA256: Record<string, string> = {
  tiny: "d18568e15fdbb4aecd2ab1941b92e8a62ad246edfb4527fba33e9c4a0e57528c",
  "tiny-chat": "0f8ac50d3c67c7955477be388839c45329c798877906064cf1dd7260fb42e145",
  bigram: "d6e62171ad47b0d7b093ab2b7d04879fd4b19e711e8bf3e0488af0f4752cf1eb",
};

const hashFile = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

describe("synthetic models", () => {
  const workspace = useLlamaWorkspace();

  it("writes the same bytes on every run and machine", async () => {
    for (const [name, sha256] of Object.entries(PINNED_SHA256)) {
      expect(await hashFile(await ensureSyntheticModel(name, workspace.dir)), name).toBe(sha256);
    }
  });

  it("writes a model once when asked concurrently and leaves no temporary file", async () => {
    const { dir: fresh, remove: removeFresh } = await makeTempDir();
    const paths = await Promise.all([1, 2, 3].map(() => ensureSyntheticModel("tiny", fresh)));
    expect(new Set(paths).size).toBe(1);
    expect(await readdir(fresh)).toEqual(["synthetic-tiny.g2.gguf"]);
    await removeFresh();
  });

  it("removes the file an older generator left for the same model", async () => {
    const { dir: fresh, remove: removeFresh } = await makeTempDir();
    await writeFile(join(fresh, "synthetic-bigram.g0.gguf"), "old");
    await writeFile(join(fresh, "synthetic-bigram-x.g0.gguf"), "other model");
    await ensureSyntheticModel("bigram", fresh);
    expect((await readdir(fresh)).sort()).toEqual([
      "synthetic-bigram-x.g0.gguf",
      "synthetic-bigram.g2.gguf",
    ]);
    await removeFresh();
  });

  it("rejects an unknown name, listing the known ones", async () => {
    await expect(ensureSyntheticModel("huge", workspace.dir)).rejects.toThrow(
      /synthetic:tiny, synthetic:tiny-chat, synthetic:bench, synthetic:bigram\), got "synthetic:huge"/,
    );
  });

  it("sizes tiny at about 0.2M parameters and bench at about 34M", () => {
    const size = buildLlamaVocabulary({ pieces: listEnglishPieces() }).tokens.length;
    expect(countLlamaParameters(TINY_DIMS, size)).toBeGreaterThan(150_000);
    expect(countLlamaParameters(TINY_DIMS, size)).toBeLessThan(300_000);
    expect(countLlamaParameters(BENCH_DIMS, size) / 1e6).toBeCloseTo(34, -0.5);
  });

  it("tokenizes English, digits and arithmetic into pieces, never into bytes", async () => {
    const model = await workspace.llama.loadModel({
      modelPath: await ensureSyntheticModel("tiny", workspace.dir),
    });
    const text = "The answer is left here: (12 / 4) * 2 - 1 = 5, and 3 + 4 = 7. Hello world!";
    const tokens = model.tokenize(text);
    const byteTokens = tokens.filter((token) => token >= 3 && token <= 258);
    expect(byteTokens).toEqual([]);
    expect(tokens.length).toBeLessThan(text.length / 1.8);
    expect(model.detokenize(tokens)).toBe(text);
    await model.dispose();
  });

  it("generates varied text with tiny: different seeds, many distinct words, no broken bytes", async () => {
    const model = await workspace.llama.loadModel({
      modelPath: await ensureSyntheticModel("tiny", workspace.dir),
    });
    const context = await model.createContext({ threads: 1, contextSize: 256 });
    const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
    const texts: string[] = [];
    for (const seed of [1, 2]) {
      texts.push(
        await completion.generateCompletion("The", { maxTokens: 40, temperature: 0.8, seed }),
      );
    }
    expect(texts[0]).not.toBe(texts[1]);
    for (const text of texts) {
      expect(text).not.toContain("\uFFFD");
      expect(new Set(text.split(/\s+/)).size).toBeGreaterThanOrEqual(12);
    }
    await context.dispose();
    await model.dispose();
  });

  it("gives tiny-chat a ChatML template that node-llama-cpp's chat wrapper picks up", async () => {
    const path = await ensureSyntheticModel("tiny-chat", workspace.dir);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    expect(info.metadata.tokenizer.chat_template).toContain("<|im_start|>");
    const model = await workspace.llama.loadModel({ modelPath: path });
    expect(resolveChatWrapper(model)).toBeInstanceOf(ChatMLChatWrapper);
    expect(model.tokenize("<|im_start|>", true)).toHaveLength(1);
    const context = await model.createContext({ threads: 1, contextSize: 256 });
    const session = new LlamaChatSession({ contextSequence: context.getSequence() });
    const reply = await session.prompt("What is 3 + 4?", {
      maxTokens: 30,
      temperature: 0.8,
      seed: 3,
    });
    expect(reply.trim().length).toBeGreaterThan(0);
    await context.dispose();
    await model.dispose();
  });

  it("writes F16 matrices that llama.cpp loads and runs", async () => {
    const path = await writeSmallModel(workspace.dir, "small-f16.gguf", { matrixType: "f16" });
    const info = await readGgufFileInfo(path, { logWarnings: false });
    const types = new Set(
      (info.tensorInfo ?? []).map((tensor) => `${tensor.dimensions.length}:${tensor.ggmlType}`),
    );
    expect([...types].sort()).toEqual(["1:0", "2:1"]);
    const model = await workspace.llama.loadModel({ modelPath: path });
    const context = await model.createContext({ threads: 1, contextSize: 64 });
    const completion = new LlamaCompletion({ contextSequence: context.getSequence() });
    const text = await completion.generateCompletion("hello", { maxTokens: 8, temperature: 0 });
    expect(text.length).toBeGreaterThan(0);
    await context.dispose();
    await model.dispose();
  });
});
