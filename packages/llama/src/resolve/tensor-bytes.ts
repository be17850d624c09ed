/**
 * Bytes per block and elements per block of the ggml tensor types seen in GGUF files, by type
 * id, to tell a truncated file from a whole one without loading it.
 */
const BLOCKS: Readonly<Record<number, readonly [bytes: number, elements: number]>> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  10: [84, 256], // Q2_K
  11: [110, 256], // Q3_K
  12: [144, 256], // Q4_K
  13: [176, 256], // Q5_K
  14: [210, 256], // Q6_K
  15: [292, 256], // Q8_K
  24: [1, 1], // I8
  25: [2, 1], // I16
  26: [4, 1], // I32
  27: [8, 1], // I64
  28: [8, 1], // F64
  30: [2, 1], // BF16
};

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
