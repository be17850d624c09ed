import { open } from "node:fs/promises";
import { LlamaError } from "../errors.js";
import { describeGgmlType } from "../resolve/tensor-bytes.js";
import { alignOffset } from "./byte-writer.js";
import { GgufFileCursor } from "./gguf-file-cursor.js";
import { DEFAULT_GGUF_ALIGNMENT } from "./gguf-header.js";
import {
  GGUF_READ_LIMITS,
  MIN_KEY_VALUE_BYTES,
  MIN_TENSOR_INFO_BYTES,
} from "./gguf-read-limits.js";
import {
  type GgufReadValue,
  readGgufLength,
  readGgufString,
  readGgufValue,
} from "./read-gguf-value.js";

/** One tensor as its header entry describes it, checked against the file. */
export interface GgufTensorRecord {
  readonly name: string;
  /** Innermost first, in ggml's `ne` order. */
  readonly dims: readonly number[];
  readonly ggmlType: number;
  /** Where its data starts, in bytes from the start of the file. */
  readonly fileOffset: number;
  readonly bytes: number;
}

/** What {@link readGgufHeader} read: every key and tensor, each checked against the file. */
export interface GgufHeaderRecord {
  readonly version: number;
  readonly metadata: ReadonlyMap<string, GgufReadValue>;
  readonly tensors: readonly GgufTensorRecord[];
  readonly alignment: number;
  /** The file's size in bytes. */
  readonly fileBytes: number;
}

/** Options of {@link readGgufHeader}. */
export interface ReadGgufHeaderOptions {
  /** Stops the read (an `ABORTED` error) at its next pause, within about 15 ms. */
  readonly signal?: AbortSignal;
}

const GGUF_MAGIC = "GGUF";

/**
 * Reads a GGUF file's whole header the way llama.cpp will, and refuses what llama.cpp would
 * refuse or choke on, before anything is allocated or looped over: the version; every count and
 * length against sane limits and the bytes left in the file; value and tensor types; tensor
 * names, dims and rows; each tensor's data at the offset llama.cpp expects and inside the file.
 * A damaged file is a `NOT_GGUF` {@link LlamaError} naming the byte and what was expected there.
 * It reads at most the header's own bytes, yields to the event loop as it goes, and stops on
 * `signal` (`ABORTED`).
 *
 * @example
 * ```ts
 * const header = await readGgufHeader("model.gguf", { signal: AbortSignal.timeout(5000) });
 * console.log(header.metadata.get("general.architecture"), header.tensors.length);
 * ```
 */
export async function readGgufHeader(
  path: string,
  options: ReadGgufHeaderOptions = {},
): Promise<GgufHeaderRecord> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const cursor = new GgufFileCursor(handle, size, path, options.signal);
    cursor.checkSignal();
    await readMagic(cursor, path);
    const version = cursor.readU32();
    if (version !== 2 && version !== 3) {
      throw cursor.fail(`GGUF version 2 or 3, got version ${version}`);
    }
    const tensorCount = await readGgufLength(
      cursor,
      "a tensor count",
      GGUF_READ_LIMITS.tensors,
      MIN_TENSOR_INFO_BYTES,
    );
    const keyCount = await readGgufLength(
      cursor,
      "a metadata key count",
      GGUF_READ_LIMITS.keys,
      MIN_KEY_VALUE_BYTES,
    );
    const metadata = await readMetadata(cursor, keyCount);
    const alignment = readAlignment(cursor, metadata);
    const infos = await readTensorInfos(cursor, tensorCount);
    const tensors = placeTensors(cursor, infos, alignOffset(cursor.position, alignment), alignment);
    return { version, metadata, tensors, alignment, fileBytes: size };
  } finally {
    await handle.close();
  }
}

async function readMagic(cursor: GgufFileCursor, path: string): Promise<void> {
  const head = Math.min(GGUF_MAGIC.length, cursor.size);
  await cursor.need(head, "the magic");
  const magic = cursor.readText(head);
  if (magic !== GGUF_MAGIC) {
    throw new LlamaError(
      "NOT_GGUF",
      `Expected a GGUF file (starting with "GGUF") at ${path}, got ${cursor.size} bytes starting with ${JSON.stringify(magic)}. Convert the model to GGUF or pick a .gguf file.`,
    );
  }
  await cursor.need(4, "the GGUF version");
}

async function readMetadata(
  cursor: GgufFileCursor,
  keyCount: number,
): Promise<Map<string, GgufReadValue>> {
  const metadata = new Map<string, GgufReadValue>();
  for (let index = 0; index < keyCount; index += 1) {
    const key = await readGgufString(cursor, `metadata key ${index}`, GGUF_READ_LIMITS.keyBytes);
    if (metadata.has(key)) throw cursor.fail(`each metadata key once, got \`${key}\` twice`);
    await cursor.need(4, `the value type of \`${key}\``);
    const type = cursor.readU32();
    metadata.set(key, await readGgufValue(cursor, key, type));
  }
  return metadata;
}

function readAlignment(
  cursor: GgufFileCursor,
  metadata: ReadonlyMap<string, GgufReadValue>,
): number {
  const value = metadata.get("general.alignment");
  if (value === undefined) return DEFAULT_GGUF_ALIGNMENT;
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value <= 0 ||
    (value & (value - 1)) !== 0
  ) {
    throw cursor.fail(`\`general.alignment\` to be a power of two, got ${String(value)}`);
  }
  return value;
}

interface TensorInfo {
  readonly name: string;
  readonly dims: readonly number[];
  readonly ggmlType: number;
  readonly offset: bigint;
  readonly bytes: number;
}

async function readTensorInfos(cursor: GgufFileCursor, count: number): Promise<TensorInfo[]> {
  const infos: TensorInfo[] = [];
  const names = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const name = await readGgufString(
      cursor,
      `the name of tensor ${index}`,
      GGUF_READ_LIMITS.tensorNameBytes,
    );
    if (names.has(name)) throw cursor.fail(`each tensor name once, got \`${name}\` twice`);
    names.add(name);
    await cursor.need(4, `the dims count of tensor \`${name}\``);
    const dimCount = cursor.readU32();
    if (dimCount > GGUF_READ_LIMITS.dims) {
      throw cursor.fail(
        `at most ${GGUF_READ_LIMITS.dims} dims for tensor \`${name}\`, got ${dimCount}`,
      );
    }
    await cursor.need(8 * dimCount + 12, `the shape, type and offset of tensor \`${name}\``);
    const dims: number[] = [];
    let elements = 1;
    for (let dim = 0; dim < dimCount; dim += 1) {
      const value = cursor.readU64();
      elements *= Number(value);
      if (elements > Number.MAX_SAFE_INTEGER) {
        throw cursor.fail(
          `tensor \`${name}\` to have fewer than 2^53 elements, got dims past that`,
        );
      }
      dims.push(Number(value));
    }
    const ggmlType = cursor.readU32();
    const block = describeGgmlType(ggmlType);
    if (block === undefined) {
      throw cursor.fail(`a ggml tensor type llama.cpp knows for \`${name}\`, got type ${ggmlType}`);
    }
    const row = dims[0] ?? 1;
    if (row % block.elements !== 0) {
      throw cursor.fail(
        `rows of tensor \`${name}\` (type ${ggmlType}) in whole blocks of ${block.elements}, got ${row} elements a row`,
      );
    }
    const offset = cursor.readU64();
    infos.push({ name, dims, ggmlType, offset, bytes: (elements / block.elements) * block.bytes });
  }
  return infos;
}

/**
 * Checks that each tensor's data sits where llama.cpp looks for it — right after the one before,
 * padded to the alignment — and ends inside the file.
 */
function placeTensors(
  cursor: GgufFileCursor,
  infos: readonly TensorInfo[],
  dataOffset: number,
  alignment: number,
): GgufTensorRecord[] {
  let expected = 0;
  return infos.map((info) => {
    if (info.offset !== BigInt(expected)) {
      throw cursor.fail(
        `tensor \`${info.name}\` at data offset ${expected} (right after the tensor before it, padded to ${alignment}), got ${info.offset}`,
      );
    }
    const fileOffset = dataOffset + expected;
    const end = fileOffset + info.bytes;
    if (end > cursor.size) {
      throw cursor.fail(
        `tensor \`${info.name}\` to end within the file's ${cursor.size} bytes, got an end at byte ${end}: the file is truncated`,
      );
    }
    expected = alignOffset(expected + info.bytes, alignment);
    return {
      name: info.name,
      dims: info.dims,
      ggmlType: info.ggmlType,
      fileOffset,
      bytes: info.bytes,
    };
  });
}
