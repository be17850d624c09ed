import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaError } from "../src/errors.js";
import { ggufValue } from "../src/gguf/gguf-value.js";
import { encodeGguf, type GgufContent, writeGguf } from "../src/gguf/write-gguf.js";
import { makeTempDir } from "./gguf-fixture.js";

const content: GgufContent = {
  metadata: {
    "general.architecture": ggufValue.string("llama"),
    "test.u32": ggufValue.u32(4_000_000_000),
    "test.i32": ggufValue.i32(-7),
    "test.f32": ggufValue.f32(0.5),
    "test.bool": ggufValue.bool(true),
    "test.unicode": ggufValue.string("naïve ▁word ✓"),
    "test.strings": ggufValue.array("string", ["a", "", "▁b"]),
    "test.floats": ggufValue.array("f32", [1.5, -2]),
    "test.ints": ggufValue.array("i32", [1, -1]),
    "test.bools": ggufValue.array("bool", [false, true]),
  },
  tensors: [
    { name: "odd", dims: [3], type: "f32", data: new Float32Array([1, 2, 3]) },
    {
      name: "matrix",
      dims: [5, 3],
      type: "f16",
      data: () => Float32Array.from({ length: 15 }, (_, i) => i / 4),
    },
    { name: "last", dims: [2], type: "f32", data: new Float32Array([-1, 0.25]) },
  ],
};

describe("writeGguf", () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await makeTempDir()));
  afterAll(() => remove());

  it("writes metadata that node-llama-cpp's reader parses back value for value", async () => {
    const path = join(dir, "values.gguf");
    await writeGguf(path, content);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    const test = (info.metadata as unknown as { test: Record<string, unknown> }).test;
    expect(info.version).toBe(3);
    expect(test).toMatchObject({
      u32: 4_000_000_000,
      i32: -7,
      f32: 0.5,
      bool: true,
      unicode: "naïve ▁word ✓",
      strings: ["a", "", "▁b"],
      floats: [1.5, -2],
      ints: [1, -1],
      bools: [false, true],
    });
  });

  it("places every tensor at an aligned offset after a padded header, with its values", async () => {
    const path = join(dir, "tensors.gguf");
    await writeGguf(path, content);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    const bytes = await readFile(path);
    const tensors = info.tensorInfo ?? [];
    expect(
      tensors.map((tensor) => [tensor.name, tensor.dimensions.map(Number), tensor.ggmlType]),
    ).toEqual([
      ["odd", [3], 0],
      ["matrix", [5, 3], 1],
      ["last", [2], 0],
    ]);
    for (const tensor of tensors) expect(Number(tensor.fileOffset) % 32).toBe(0);
    expect(bytes.length % 32).toBe(0);
    const odd = Number(tensors[0]?.fileOffset);
    expect([0, 1, 2].map((i) => bytes.readFloatLE(odd + i * 4))).toEqual([1, 2, 3]);
    const matrix = Number(tensors[1]?.fileOffset);
    expect(bytes.readUInt16LE(matrix + 4 * 2)).toBe(0x3c00);
    const last = Number(tensors[2]?.fileOffset);
    expect(bytes.readFloatLE(last + 4)).toBe(0.25);
  });

  it("honours a custom general.alignment for the header padding and every tensor", async () => {
    const path = join(dir, "aligned.gguf");
    await writeGguf(path, {
      ...content,
      metadata: { ...content.metadata, "general.alignment": ggufValue.u32(64) },
    });
    const info = await readGgufFileInfo(path, { logWarnings: false });
    for (const tensor of info.tensorInfo ?? []) expect(Number(tensor.fileOffset) % 64).toBe(0);
    expect((await readFile(path)).length % 64).toBe(0);
  });

  it("gives the same bytes on every write", async () => {
    const first = join(dir, "first.gguf");
    const second = join(dir, "second.gguf");
    await writeGguf(first, content);
    await writeGguf(second, content);
    const hash = async (path: string) =>
      createHash("sha256")
        .update(await readFile(path))
        .digest("hex");
    expect(await hash(first)).toBe(await hash(second));
    expect(encodeGguf(content).equals(await readFile(first))).toBe(true);
  });

  it("rejects a value outside its type with the key, the expected range and what came", () => {
    const bad = { metadata: { "x.count": ggufValue.u32(-1) }, tensors: [] };
    expect(() => encodeGguf(bad)).toThrow(LlamaError);
    expect(() => encodeGguf(bad)).toThrow(/`x\.count`.*\[0, 4294967295\].*got -1/);
  });

  it("rejects duplicate tensor names and data of the wrong length", () => {
    const data = new Float32Array(2);
    const twice = {
      metadata: {},
      tensors: [0, 1].map(() => ({ name: "w", dims: [2], type: "f32" as const, data })),
    };
    expect(() => encodeGguf(twice)).toThrow(/unique tensor names, got `w` twice/);
    const short = { metadata: {}, tensors: [{ name: "w", dims: [3], type: "f32" as const, data }] };
    expect(() => encodeGguf(short)).toThrow(/`w` \[3\] to have 3 values, got 2/);
  });

  it("leaves no file behind when writing fails", async () => {
    const path = join(dir, "failed.gguf");
    const broken = {
      metadata: {},
      tensors: [
        {
          name: "w",
          dims: [2],
          type: "f32" as const,
          data: () => {
            throw new Error("boom");
          },
        },
      ],
    };
    await expect(writeGguf(path, broken)).rejects.toThrow("boom");
    const { readdir } = await import("node:fs/promises");
    expect((await readdir(dir)).filter((file) => file.startsWith("failed"))).toEqual([]);
  });
});
