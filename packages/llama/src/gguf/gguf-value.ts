import { LlamaError } from "../errors.js";

/** Scalar value types this writer emits, with their GGUF type ids. */
export const GGUF_VALUE_TYPE_IDS = {
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
} as const;

/** The type id GGUF gives an array value. */
export const GGUF_ARRAY_TYPE_ID = 9;

export type GgufScalarType = keyof typeof GGUF_VALUE_TYPE_IDS;

/** One typed metadata value. Numbers carry their GGUF type because JS numbers do not. */
export type GgufValue =
  | { readonly type: "u32" | "i32" | "f32"; readonly value: number }
  | { readonly type: "bool"; readonly value: boolean }
  | { readonly type: "string"; readonly value: string }
  | {
      readonly type: "array";
      readonly itemType: "u32" | "i32" | "f32";
      readonly value: ArrayLike<number>;
    }
  | { readonly type: "array"; readonly itemType: "bool"; readonly value: readonly boolean[] }
  | { readonly type: "array"; readonly itemType: "string"; readonly value: readonly string[] };

/** Metadata of a GGUF file: key → typed value. Keys are written in insertion order. */
export type GgufMetadata = Readonly<Record<string, GgufValue>>;

/**
 * Constructors of typed metadata values, so a caller never spells a type tag by hand.
 *
 * @example
 * ```ts
 * const metadata = {
 *   "general.architecture": ggufValue.string("llama"),
 *   "llama.block_count": ggufValue.u32(2),
 *   "tokenizer.ggml.scores": ggufValue.array("f32", [0, -1, -2]),
 * };
 * ```
 */
export const ggufValue = {
  u32: (value: number): GgufValue => ({ type: "u32", value }),
  i32: (value: number): GgufValue => ({ type: "i32", value }),
  f32: (value: number): GgufValue => ({ type: "f32", value }),
  bool: (value: boolean): GgufValue => ({ type: "bool", value }),
  string: (value: string): GgufValue => ({ type: "string", value }),
  array: ((itemType: GgufScalarType, value: ArrayLike<unknown>): GgufValue =>
    ({ type: "array", itemType, value }) as GgufValue) as {
    (itemType: "u32" | "i32" | "f32", value: ArrayLike<number>): GgufValue;
    (itemType: "bool", value: readonly boolean[]): GgufValue;
    (itemType: "string", value: readonly string[]): GgufValue;
  },
};

const INTEGER_RANGES = {
  u32: [0, 0xffff_ffff],
  i32: [-0x8000_0000, 0x7fff_ffff],
} as const;

/** Throws unless `value` fits its GGUF type: integers in range, floats finite or not NaN. */
export function checkScalar(key: string, type: GgufScalarType, value: unknown): void {
  const fail = (expected: string): never => {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected GGUF metadata \`${key}\` to be ${expected}, got ${String(value)} (${typeof value})`,
    );
  };
  if (type === "u32" || type === "i32") {
    const [min, max] = INTEGER_RANGES[type];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      fail(`an integer in [${min}, ${max}] (${type})`);
    }
  } else if (type === "f32") {
    if (typeof value !== "number" || Number.isNaN(value)) fail("a number (f32)");
  } else if (type === "bool") {
    if (typeof value !== "boolean") fail("a boolean");
  } else if (typeof value !== "string") {
    fail("a string");
  }
}
