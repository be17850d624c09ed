import { open, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countLlamaParameters } from "../src/gguf/llama-model.js";
import { ensureSyntheticModel } from "../src/gguf/synthetic/ensure-synthetic-model.js";
import { locateBuiltinModel } from "../src/index.js";
import { inspectModelFile } from "../src/resolve/inspect-model-file.js";
import {
  describeSmallModel,
  makeTempDir,
  writeHeaderOnly,
  writeSmallModel,
} from "./gguf-fixture.js";
import { writeF16NormModel } from "./resolve-bad-models.js";

describe("inspectModelFile", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let modelPath: string;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    modelPath = await writeSmallModel(dir, "small.gguf");
  });
  afterAll(() => remove());

  it("reads architecture, size, parameters and context length from a valid file", async () => {
    const spec = describeSmallModel();
    const info = await inspectModelFile(modelPath);
    expect(info).toMatchObject({
      path: modelPath,
      architecture: "llama",
      name: "deliberate-llama",
      parameters: countLlamaParameters(spec.dims, spec.vocabulary.tokens.length),
      contextLength: 2048,
      chatTemplate: undefined,
    });
    expect(info.bytes).toBe((await readFile(modelPath)).length);
  });

  it("reads a real trained GGUF that ships with the repository: the tiny reasoner", async () => {
    // Trained weights in a committed file, not a fixture written for the test: its parameter
    // count is PyTorch's, recorded by the trainer beside it, and its context 256 where every
    // fixture here has 2048.
    const { path } = await locateBuiltinModel("builtin:tiny-reasoner");
    const training = JSON.parse(
      await readFile(join(dirname(path), "tiny-reasoner.training.json"), "utf8"),
    ) as { parameters: number };
    const info = await inspectModelFile(path);
    expect(info).toMatchObject({
      architecture: "llama",
      name: "tiny-reasoner",
      parameters: training.parameters,
      contextLength: 256,
      chatTemplate: undefined,
    });
    expect(info.bytes).toBe((await stat(path)).size);
  });

  it("returns the chat template of a chat-tuned model", async () => {
    const info = await inspectModelFile(await ensureSyntheticModel("tiny-chat", dir));
    expect(info.chatTemplate).toContain("<|im_start|>assistant");
  });

  it("fails on a missing file with MODEL_NOT_FOUND naming it", async () => {
    const missing = join(dir, "missing.gguf");
    await expect(inspectModelFile(missing)).rejects.toMatchObject({
      code: "MODEL_NOT_FOUND",
      message: expect.stringContaining(missing),
    });
  });

  it("fails on a file of another format with NOT_GGUF showing what it starts with", async () => {
    const path = join(dir, "model.safetensors");
    await writeFile(path, '{"__metadata__": {}}');
    await expect(inspectModelFile(path)).rejects.toMatchObject({
      code: "NOT_GGUF",
      message: expect.stringMatching(/starting with "GGUF".*got 20 bytes starting with "\{\\"__"/),
    });
    await writeFile(join(dir, "empty.gguf"), "");
    await expect(inspectModelFile(join(dir, "empty.gguf"))).rejects.toMatchObject({
      code: "NOT_GGUF",
    });
  });

  it("fails on a GGUF whose header is broken, of another version or short with NOT_GGUF", async () => {
    const writeHeader = async (name: string, version: number, keys: bigint, rest: number[]) => {
      const header = Buffer.alloc(24);
      header.write("GGUF", 0, "latin1");
      header.writeUInt32LE(version, 4);
      header.writeBigUInt64LE(keys, 16);
      await writeFile(join(dir, name), Buffer.concat([header, Buffer.from(rest)]));
      return join(dir, name);
    };
    const badType = await writeHeader(
      "bad-type.gguf",
      3,
      1n,
      [1, 0, 0, 0, 0, 0, 0, 0, 0x41, 77, 0, 0, 0],
    );
    await expect(inspectModelFile(badType)).rejects.toMatchObject({
      code: "NOT_GGUF",
      message: expect.stringMatching(/Expected a readable GGUF header.*value type "77"/),
    });
    const version = await writeHeader("v99.gguf", 99, 0n, []);
    await expect(inspectModelFile(version)).rejects.toMatchObject({
      code: "NOT_GGUF",
      message: expect.stringContaining("GGUF version 2 or 3, got version 99"),
    });
    const short = await writeHeader("short.gguf", 3, 2n, [5, 0, 0, 0, 0, 0, 0, 0, 0x41]);
    await expect(inspectModelFile(short)).rejects.toMatchObject({
      code: "NOT_GGUF",
      message: expect.stringMatching(/fits in the file's 33 bytes/),
    });
  });

  it("fails on a truncated file with NOT_GGUF saying so", async () => {
    const path = join(dir, "truncated.gguf");
    await writeFile(path, await readFile(modelPath));
    const handle = await open(path, "r+");
    await handle.truncate((await handle.stat()).size - 100);
    await handle.close();
    await expect(inspectModelFile(path)).rejects.toMatchObject({
      code: "NOT_GGUF",
      message: expect.stringMatching(/`output\.weight`.*truncated/),
    });
  });

  it("fails on an unknown or non-generative architecture with UNSUPPORTED_ARCHITECTURE", async () => {
    for (const architecture of ["qwerty", "bert"]) {
      const path = await writeHeaderOnly(dir, `${architecture}.gguf`, architecture);
      await expect(inspectModelFile(path)).rejects.toMatchObject({
        code: "UNSUPPORTED_ARCHITECTURE",
        message: expect.stringMatching(
          new RegExp(`such as llama, .* in all\\), got "${architecture}"`),
        ),
      });
    }
  });

  it("fails on files llama.cpp would abort on with LOAD_FAILED before any native load", async () => {
    const headerOnly = await writeHeaderOnly(dir, "keyless.gguf", "llama");
    await expect(inspectModelFile(headerOnly)).rejects.toMatchObject({
      code: "LOAD_FAILED",
      message: expect.stringContaining("`llama.embedding_length`"),
    });
    const f16Norms = await writeF16NormModel(join(dir, "f16-norms.gguf"));
    await expect(inspectModelFile(f16Norms)).rejects.toMatchObject({
      code: "LOAD_FAILED",
      message: expect.stringMatching(/1-D tensor `blk\.0\.attn_norm\.weight`.*F32/),
    });
  });

  it("fails on a model larger than memory with MODEL_TOO_BIG giving both sizes", async () => {
    await expect(inspectModelFile(modelPath, { memoryBytes: 1024 })).rejects.toMatchObject({
      code: "MODEL_TOO_BIG",
      message: expect.stringMatching(
        /0\.00 GB of memory, got .* of 0\.00 GB.*smaller or more quantized/,
      ),
    });
  });
});
