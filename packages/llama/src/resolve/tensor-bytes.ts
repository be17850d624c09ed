/**
 * Bytes per block and elements per block of every ggml tensor type llama.cpp 3.21.1's binary
 * knows, by type id (read from its `ggml_type_size` and `ggml_blck_size`; ids 4, 5, 31–33 and
 * 36–38 are retired and absent). A GGUF tensor of another type is one llama.cpp refuses.
 */
const BLOCKS: Readonly<Record<number, readonly [bytes: number, elements: number]>> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  9: [36, 32], // Q8_1
  10: [84, 256], // Q2_K
  11: [110, 256], // Q3_K
  12: [144, 256], // Q4_K
  13: [176, 256], // Q5_K
  14: [210, 256], // Q6_K
  15: [292, 256], // Q8_K
  16: [66, 256], // IQ2_XXS
  17: [74, 256], // IQ2_XS
  18: [98, 256], // IQ3_XXS
  19: [50, 256], // IQ1_S
  20: [18, 32], // IQ4_NL
  21: [110, 256], // IQ3_S
  22: [82, 256], // IQ2_S
  23: [136, 256], // IQ4_XS
  24: [1, 1], // I8
  25: [2, 1], // I16
  26: [4, 1], // I32
  27: [8, 1], // I64
  28: [8, 1], // F64
  29: [56, 256], // IQ1_M
  30: [2, 1], // BF16
  34: [54, 256], // TQ1_0
  35: [66, 256], // TQ2_0
  39: [17, 32], // MXFP4
  40: [36, 64], // NVFP4
  41: [18, 128], // Q1_0
  42: [18, 64], // Q2_0
};

/** Bytes and elements of one block of ggml type `ggmlType`, or undefined for a type llama.cpp does not know. */
export function describeGgmlType(
  ggmlType: number,
): { readonly bytes: number; readonly elements: number } | undefined {
  const block = BLOCKS[ggmlType];
  return block === undefined ? undefined : { bytes: block[0], elements: block[1] };
}

/** Size of a tensor's data in bytes, or undefined for a type this table does not know. */
export function measureTensorBytes(
  ggmlType: number,
  dims: readonly (number | bigint)[],
): number | undefined {
  const block = BLOCKS[ggmlType];
  if (block === undefined) return undefined;
  const elements = dims.reduce<number>((product, dim) => product * Number(dim), 1);
  return Math.ceil(elements / block[1]) * block[0];
}
