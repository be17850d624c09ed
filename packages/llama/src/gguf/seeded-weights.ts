import type { GgufTensorShape } from "./gguf-header.js";

/** How {@link createSeededWeights} scales each kind of tensor. */
export interface SeededWeightsOptions {
  /** Spread (standard deviation) of the logits over the vocabulary. @default 2 */
  readonly logitSpread?: number;
  /** Scale of the projections that write into the residual stream (`attn_output`, `ffn_down`). @default 0.5 */
  readonly residualScale?: number;
}

/**
 * A seeded weight initializer for {@link writeLlamaModel}: uniform values with a standard
 * deviation per tensor kind (norms 1, embeddings 1, input projections 1/√fan-in). Each tensor
 * draws from its own stream seeded by (seed, name), so the bytes do not depend on write order,
 * and only integer arithmetic feeds the draws, so every Node version gives the same bytes.
 *
 * @example
 * ```ts
 * const weights = createSeededWeights(42, { logitSpread: 3 });
 * ```
 */
export function createSeededWeights(
  seed: number,
  options: SeededWeightsOptions = {},
): (tensor: GgufTensorShape) => Float32Array {
  const logitSpread = options.logitSpread ?? 2;
  const residualScale = options.residualScale ?? 0.5;
  return (tensor) => {
    const [inner = 1, outer = 1] = tensor.dims;
    const size = inner * (tensor.dims.length > 1 ? outer : 1);
    if (tensor.dims.length === 1) return new Float32Array(size).fill(1);
    const kind = tensor.name.split(".").at(-2) ?? "";
    let deviation = 1 / Math.sqrt(inner);
    if (kind === "token_embd") deviation = 1;
    else if (kind === "output") deviation = logitSpread / Math.sqrt(inner);
    else if (kind === "attn_output" || kind === "ffn_down") deviation *= residualScale;
    return fillUniform(
      new Float32Array(size),
      createRandom(hashSeed(seed, tensor.name)),
      deviation,
    );
  };
}

/** Fills `values` with uniform draws of mean 0 and the given standard deviation. */
export function fillUniform(
  values: Float32Array,
  random: () => number,
  deviation: number,
): Float32Array {
  const half = deviation * Math.sqrt(3);
  for (let index = 0; index < values.length; index += 1) {
    values[index] = (random() * 2 - 1) * half;
  }
  return values;
}

/** mulberry32: a small, fast 32-bit generator; returns draws in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the seed and a name: one independent stream per tensor. */
export function hashSeed(seed: number, name: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const character of name) {
    hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return hash;
}
