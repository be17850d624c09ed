import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaError } from "../src/errors.js";
import { readGgufHeader } from "../src/gguf/read-gguf-header.js";
import { inspectModelFile } from "../src/resolve/inspect-model-file.js";
import { makeTempDir, writeSmallModel } from "./gguf-fixture.js";

/** The answer every file must get: a model description or a LlamaError, within a second. */
const DEADLINE_MS = 1000;

/** Inspects `bytes` as a model file and says how it ended and how long it took. */
async function inspectBytes(path: string, bytes: Uint8Array) {
  await writeFile(path, bytes);
  const started = performance.now();
  const outcome = await inspectModelFile(path).then(
    (info) => ({ info, error: undefined }),
    (error: unknown) => ({ info: undefined, error }),
  );
  return { ...outcome, ms: performance.now() - started };
}

/** Checks one outcome: a LlamaError with a message, or a model description, in time. */
function expectAnswer(outcome: Awaited<ReturnType<typeof inspectBytes>>): void {
  expect(outcome.ms).toBeLessThan(DEADLINE_MS);
  if (outcome.error !== undefined) {
    expect(outcome.error).toBeInstanceOf(LlamaError);
    expect((outcome.error as LlamaError).message).toMatch(/^Expected /);
  } else {
    expect(outcome.info?.architecture).toEqual(expect.any(String));
  }
}

/** "GGUF", version 3, then the given tensor and key counts as u64. */
function headerOf(version: number, tensors: bigint, keys: bigint): Buffer {
  const header = Buffer.alloc(24);
  header.write("GGUF", 0, "latin1");
  header.writeUInt32LE(version, 4);
  header.writeBigUInt64LE(tensors, 8);
  header.writeBigUInt64LE(keys, 16);
  return header;
}

describe("the GGUF header reader on hostile files", () => {
  let dir: string;
  let remove: () => Promise<void>;
  let model: Buffer;
  let headerBytes: number;
  beforeAll(async () => {
    ({ dir, remove } = await makeTempDir());
    model = await readFile(await writeSmallModel(dir, "small.gguf"));
    const header = await readGgufHeader(join(dir, "small.gguf"));
    headerBytes = header.tensors[0]?.fileOffset ?? model.length;
  });
  afterAll(() => remove());

  it("refuses `GGUFgarbage` at once, naming the version it read", async () => {
    const outcome = await inspectBytes(join(dir, "garbage.gguf"), Buffer.from("GGUFgarbage"));
    expectAnswer(outcome);
    expect(outcome.error).toMatchObject({
      code: "NOT_GGUF",
      message: expect.stringMatching(/GGUF version 2 or 3, got version \d+/),
    });
  });

  it("refuses counts and lengths the file cannot hold before looping over them", async () => {
    const cases: [string, Buffer, RegExp][] = [
      [
        "keys",
        headerOf(3, 0n, 2n ** 63n),
        /metadata key count of at most 65536, got 9223372036854775808/,
      ],
      [
        "tensors",
        headerOf(3, 999_999n, 0n),
        /fits in the file's 24 bytes, got a tensor count of 999999/,
      ],
      [
        "a string",
        Buffer.concat([
          headerOf(3, 0n, 1n),
          Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]),
          Buffer.alloc(16),
        ]),
        /length of metadata key 0 of at most 65535, got 4294967295/,
      ],
      [
        "an array",
        Buffer.concat([
          headerOf(3, 0n, 1n),
          Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0x61, 9, 0, 0, 0, 8, 0, 0, 0]),
          Buffer.from([0, 0, 0, 0, 0, 0, 0, 1]),
        ]),
        /length of `a` of at most 16777216, got 72057594037927936/,
      ],
    ];
    for (const [name, bytes, message] of cases) {
      const outcome = await inspectBytes(join(dir, `${name}.gguf`), bytes);
      expectAnswer(outcome);
      expect(outcome.error, name).toMatchObject({
        code: "NOT_GGUF",
        message: expect.stringMatching(message),
      });
    }
  });

  it("answers within a second for random bytes after a valid magic (and a valid version)", async () => {
    const path = join(dir, "random.gguf");
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.uint8Array({ maxLength: 4096 }),
        async (withVersion, tail) => {
          const head = withVersion ? headerOf(3, 0n, 0n).subarray(0, 8) : Buffer.from("GGUF");
          expectAnswer(await inspectBytes(path, Buffer.concat([head, tail])));
        },
      ),
      { numRuns: 300, seed: 13 },
    );
  });

  it("answers within a second for bit flips and truncations of a generated model", async () => {
    const path = join(dir, "mutant.gguf");
    // Most flips land in the header, where they change what the reader does.
    const position = fc.oneof(
      { weight: 4, arbitrary: fc.nat({ max: headerBytes - 1 }) },
      { weight: 1, arbitrary: fc.nat({ max: model.length - 1 }) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(position, fc.nat({ max: 7 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: model.length }), { freq: 4 }),
        async (flips, cut) => {
          const mutant = Buffer.from(model);
          for (const [byte, bit] of flips) mutant[byte] = (mutant[byte] ?? 0) ^ (1 << bit);
          expectAnswer(await inspectBytes(path, cut === null ? mutant : mutant.subarray(0, cut)));
        },
      ),
      { numRuns: 400, seed: 13 },
    );
  });

  it("accepts the generated model unchanged, and refuses every truncation of it", async () => {
    expect((await inspectBytes(join(dir, "whole.gguf"), model)).info).toBeDefined();
    for (const cut of [0, 3, 4, 8, 23, 24, headerBytes - 1, headerBytes, model.length - 1]) {
      const outcome = await inspectBytes(join(dir, "cut.gguf"), model.subarray(0, cut));
      expectAnswer(outcome);
      expect(outcome.error, `cut at ${cut}`).toBeInstanceOf(LlamaError);
    }
  });

  it("stops a long header read when its signal fires, and lets the event loop run meanwhile", async () => {
    // A valid header holding 2 million one-byte strings: long enough to read that it must yield.
    const count = 2_000_000;
    const key = Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0x61, 9, 0, 0, 0, 8, 0, 0, 0]);
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(count));
    const item = Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0x78]);
    const items = Buffer.alloc(item.length * count);
    for (let offset = 0; offset < items.length; offset += item.length) item.copy(items, offset);
    const path = join(dir, "long.gguf");
    await writeFile(path, Buffer.concat([headerOf(3, 0n, 1n), key, length, items]));

    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
      if (ticks === 2) controller.abort();
    }, 5);
    const started = performance.now();
    const read = readGgufHeader(path, { signal: controller.signal }).catch(
      (error: unknown) => error,
    );
    const error = await read;
    clearInterval(timer);
    expect(error).toMatchObject({ code: "ABORTED", message: expect.stringContaining(path) });
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
    // Unaborted, the same file reads to the end: the header is valid, only long.
    const header = await readGgufHeader(path);
    expect(header.metadata.get("a")).toEqual({ arrayOf: 8, length: count });
  });
});
