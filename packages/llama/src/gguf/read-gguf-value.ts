import type { GgufFileCursor } from "./gguf-file-cursor.js";
import { GGUF_READ_LIMITS } from "./gguf-read-limits.js";

/** GGUF value type ids of strings and arrays; the rest are fixed-size scalars. */
const STRING_TYPE = 8;
const ARRAY_TYPE = 9;

/** Bytes of each fixed-size GGUF value type, by type id. */
const SCALAR_BYTES: Readonly<Record<number, number>> = {
  0: 1, // u8
  1: 1, // i8
  2: 2, // u16
  3: 2, // i16
  4: 4, // u32
  5: 4, // i32
  6: 4, // f32
  7: 1, // bool
  10: 8, // u64
  11: 8, // i64
  12: 8, // f64
};

/**
 * A metadata value as read: scalars as JS values (a 64-bit integer as a number when it is exact,
 * else a bigint); an array as its element type and length only — inspection needs no token list,
 * and not keeping one bounds the memory a hostile file can claim.
 */
export type GgufReadValue = number | bigint | boolean | string | GgufArraySummary;

/** An array value: its element type and length, and for the token list its first repeated token. */
export interface GgufArraySummary {
  readonly arrayOf: number;
  readonly length: number;
  /**
   * In `tokenizer.ggml.tokens`, the first token that repeats an earlier one: llama.cpp aborts the
   * process on such a vocabulary (a one-bit flip in a token makes one).
   */
  readonly repeated?: { readonly index: number; readonly first: number; readonly text: string };
}

/** The metadata key of a model's vocabulary. */
const TOKEN_LIST_KEY = "tokenizer.ggml.tokens";

/** Reads a string: a u64 byte length checked against `maxBytes` and the file, then the bytes. */
export async function readGgufString(
  cursor: GgufFileCursor,
  what: string,
  maxBytes: number = GGUF_READ_LIMITS.stringBytes,
): Promise<string> {
  const length = await readGgufLength(cursor, `the length of ${what}`, maxBytes, 1);
  await cursor.need(length, what);
  return cursor.readText(length);
}

/**
 * Reads a u64 count or length and checks it before anything uses it: at most `max`, and
 * `count × minBytes` no more than the bytes left in the file. Returns it as a number.
 */
export async function readGgufLength(
  cursor: GgufFileCursor,
  what: string,
  max: number,
  minBytes: number,
): Promise<number> {
  await cursor.need(8, what);
  const value = cursor.readU64();
  if (value > BigInt(max)) throw cursor.fail(`${what} of at most ${max}, got ${value}`);
  if (value * BigInt(minBytes) > BigInt(cursor.remaining)) {
    throw cursor.fail(
      `a header that fits in the file's ${cursor.size} bytes, got ${what} of ${value} (at least ${value * BigInt(minBytes)} bytes more, ${cursor.remaining} left)`,
    );
  }
  return Number(value);
}

/** Reads a value of GGUF type `type` (already read) for key `key`. */
export async function readGgufValue(
  cursor: GgufFileCursor,
  key: string,
  type: number,
): Promise<GgufReadValue> {
  if (type === STRING_TYPE) return readGgufString(cursor, `the string value of \`${key}\``);
  if (type === ARRAY_TYPE) return readArray(cursor, key);
  const bytes = SCALAR_BYTES[type];
  if (bytes === undefined) throw unknownType(cursor, key, type);
  await cursor.need(bytes, `the value of \`${key}\``);
  return readScalar(cursor, type);
}

async function readArray(cursor: GgufFileCursor, key: string): Promise<GgufArraySummary> {
  await cursor.need(4, `the element type of \`${key}\``);
  const itemType = cursor.readU32();
  if (itemType === ARRAY_TYPE) {
    // llama.cpp reads no arrays of arrays either.
    throw cursor.fail(`an array of scalars or strings in \`${key}\`, got an array of arrays`);
  }
  const itemBytes = itemType === STRING_TYPE ? 8 : SCALAR_BYTES[itemType];
  if (itemBytes === undefined) throw unknownType(cursor, key, itemType);
  const length = await readGgufLength(
    cursor,
    `the length of \`${key}\``,
    GGUF_READ_LIMITS.arrayLength,
    itemBytes,
  );
  if (itemType !== STRING_TYPE) {
    await cursor.advance(length * itemBytes, `the elements of \`${key}\``);
    return { arrayOf: itemType, length };
  }
  // Token lists run to hundreds of thousands of strings: synchronous reads while the buffer
  // holds them, the checks of readGgufLength inlined.
  const seen = key === TOKEN_LIST_KEY ? new Map<string, number>() : undefined;
  let repeated: GgufArraySummary["repeated"];
  for (let index = 0; index < length; index += 1) {
    if (!cursor.available(8)) await cursor.need(8, `the length of \`${key}\`[${index}]`);
    const bytes = cursor.readLength();
    if (bytes > GGUF_READ_LIMITS.stringBytes || bytes > cursor.remaining) {
      throw cursor.fail(
        `a string of at most ${Math.min(GGUF_READ_LIMITS.stringBytes, cursor.remaining)} bytes (the rest of the file) in \`${key}\`[${index}], got a length of ${bytes}`,
      );
    }
    if (seen !== undefined) {
      if (!cursor.available(bytes)) await cursor.need(bytes, `\`${key}\`[${index}]`);
      // Bytes as latin1: llama.cpp compares tokens byte for byte, not as decoded text.
      const token = cursor.readLatin1(bytes);
      const first = seen.get(token);
      if (first === undefined) seen.set(token, index);
      else repeated ??= { index, first, text: Buffer.from(token, "latin1").toString("utf8") };
    } else if (cursor.available(bytes)) {
      cursor.skip(bytes);
    } else {
      await cursor.advance(bytes, `\`${key}\`[${index}]`);
    }
  }
  return repeated === undefined
    ? { arrayOf: itemType, length }
    : { arrayOf: itemType, length, repeated };
}

function readScalar(cursor: GgufFileCursor, type: number): GgufReadValue {
  switch (type) {
    case 0:
      return cursor.readU8();
    case 1:
      return (cursor.readU8() << 24) >> 24;
    case 2:
      return cursor.readU16();
    case 3:
      return (cursor.readU16() << 16) >> 16;
    case 4:
      return cursor.readU32();
    case 5:
      return cursor.readI32();
    case 6:
      return cursor.readF32();
    case 7:
      return cursor.readU8() !== 0;
    case 10:
      return toExact(cursor.readU64());
    case 11:
      return toExact(cursor.readI64());
    default:
      return cursor.readF64();
  }
}

/** A 64-bit integer as a number when that is exact, else as the bigint. */
function toExact(value: bigint): number | bigint {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(value)
    : value;
}

function unknownType(cursor: GgufFileCursor, key: string, type: number): Error {
  return cursor.fail(
    `a GGUF value type from 0 to 12 for \`${key}\`, got value type "${type}" (a newer GGUF or a damaged file)`,
  );
}
