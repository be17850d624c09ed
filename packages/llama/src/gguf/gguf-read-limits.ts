/**
 * Bounds a GGUF header must keep before the reader allocates or loops over anything it declares.
 * Each is far above any real model (the largest vocabularies hold about 260,000 tokens; models
 * carry tens of keys and at most tens of thousands of tensors) and far below what would hang or
 * exhaust a machine. Every count and length is also checked against the bytes left in the file.
 */
export const GGUF_READ_LIMITS = {
  /** Metadata keys in one file. */
  keys: 65_536,
  /** Tensors in one file. */
  tensors: 1_000_000,
  /** Bytes of a key: GGUF's own limit. */
  keyBytes: 65_535,
  /** Bytes of one string value (chat templates are a few KB). */
  stringBytes: 64 * 1024 * 1024,
  /** Elements of one array value (token lists, merges, scores). */
  arrayLength: 16 * 1024 * 1024,
  /** Bytes of a tensor name: ggml keeps it in 64 bytes with a terminator. */
  tensorNameBytes: 63,
  /** Dimensions of one tensor: ggml's `GGML_MAX_DIMS`. */
  dims: 4,
  /** Parts of a split model. */
  splitParts: 1_000,
} as const;

/** Fewest bytes one key-value pair takes: key length (8), value type (4), a 1-byte value. */
export const MIN_KEY_VALUE_BYTES = 13;

/** Fewest bytes one tensor info takes: name length (8), dims count (4), one dim (8), type (4), offset (8). */
export const MIN_TENSOR_INFO_BYTES = 32;
