import { LlamaError } from "../errors.js";
import { countElements, type GgufTensorShape, type GgufTensorType } from "./gguf-header.js";
import { type GgufMetadata, type GgufValue, ggufValue } from "./gguf-value.js";
import type { LlamaVocabulary } from "./llama-vocabulary.js";
import { writeGguf } from "./write-gguf.js";

/** Sizes of a llama-architecture model. */
export interface LlamaDims {
  /** Width of the residual stream (E). */
  readonly embedding: number;
  /** Number of transformer blocks (L). */
  readonly layers: number;
  /** Hidden width of the SwiGLU feed-forward (F). */
  readonly feedForward: number;
  /** Attention heads; must divide `embedding`. */
  readonly heads: number;
  /** Key/value heads (grouped-query attention); must divide `heads`. @default heads */
  readonly kvHeads?: number;
  /** Longest context the model claims. @default 2048 */
  readonly contextLength?: number;
  /** RMSNorm epsilon. @default 1e-5 */
  readonly rmsEpsilon?: number;
  /** Rotary embedding base. @default 10000 */
  readonly ropeFreqBase?: number;
  /** Reuse the token embeddings as the output matrix (no `output.weight`). @default false */
  readonly tiedOutput?: boolean;
}

/**
 * Where the weights come from: a function asked once per tensor (a seeded initializer), or
 * arrays by tensor name (a trained model, copied as is). Values are in ggml order.
 */
export type LlamaWeights =
  | ((tensor: GgufTensorShape) => Float32Array)
  | Readonly<Record<string, Float32Array>>;

/** Everything {@link writeLlamaModel} needs. */
export interface LlamaModelSpec {
  readonly vocabulary: LlamaVocabulary;
  readonly dims: LlamaDims;
  readonly weights: LlamaWeights;
  /** `general.name`. @default "deliberate-llama" */
  readonly name?: string;
  /** Element type of the 2-D tensors; 1-D tensors are always F32 (F16 ones abort llama.cpp). @default "f32" */
  readonly matrixType?: GgufTensorType;
  /** A Jinja chat template, stored as `tokenizer.chat_template`. @default none: a base model */
  readonly chatTemplate?: string;
}

/**
 * Lists the tensors of a llama model in file order with their shapes (innermost dim first) —
 * the contract an exporter fills: `token_embd.weight [E, V]`, per block the attention and
 * SwiGLU matrices and two norms, `output_norm.weight [E]`, `output.weight [E, V]`.
 */
export function describeLlamaTensors(
  dims: LlamaDims,
  vocabularySize: number,
  matrixType: GgufTensorType = "f32",
): GgufTensorShape[] {
  const { embedding: e, feedForward: f, heads } = dims;
  const kv = (e / heads) * (dims.kvHeads ?? heads);
  const vector = (name: string): GgufTensorShape => ({ name, dims: [e], type: "f32" });
  const matrix = (name: string, inner: number, outer: number): GgufTensorShape => ({
    name,
    dims: [inner, outer],
    type: matrixType,
  });
  const tensors = [matrix("token_embd.weight", e, vocabularySize)];
  for (let layer = 0; layer < dims.layers; layer += 1) {
    const block = `blk.${layer}`;
    tensors.push(
      vector(`${block}.attn_norm.weight`),
      matrix(`${block}.attn_q.weight`, e, e),
      matrix(`${block}.attn_k.weight`, e, kv),
      matrix(`${block}.attn_v.weight`, e, kv),
      matrix(`${block}.attn_output.weight`, e, e),
      vector(`${block}.ffn_norm.weight`),
      matrix(`${block}.ffn_gate.weight`, e, f),
      matrix(`${block}.ffn_up.weight`, e, f),
      matrix(`${block}.ffn_down.weight`, f, e),
    );
  }
  tensors.push(vector("output_norm.weight"));
  if (dims.tiedOutput !== true) tensors.push(matrix("output.weight", e, vocabularySize));
  return tensors;
}

/** Counts the parameters of a llama model of these sizes. */
export function countLlamaParameters(dims: LlamaDims, vocabularySize: number): number {
  return describeLlamaTensors(dims, vocabularySize).reduce(
    (total, tensor) => total + countElements(tensor.dims),
    0,
  );
}

/**
 * Writes a llama-architecture GGUF that llama.cpp loads as is: the metadata keys it requires
 * (a missing head count or feed-forward length aborts the process), the tokenizer, the tensors.
 *
 * @example
 * ```ts
 * const vocabulary = buildLlamaVocabulary({ pieces: [" hello", " world"] });
 * const dims = { embedding: 64, layers: 2, feedForward: 128, heads: 4 };
 * await writeLlamaModel("/tmp/m.gguf", { vocabulary, dims, weights: createSeededWeights(7) });
 * ```
 */
export async function writeLlamaModel(
  path: string,
  spec: LlamaModelSpec,
): Promise<{ bytes: number; parameters: number }> {
  checkDims(spec.dims);
  const shapes = describeLlamaTensors(spec.dims, spec.vocabulary.tokens.length, spec.matrixType);
  const weights = spec.weights;
  const tensors = shapes.map((shape) => ({
    ...shape,
    data: () => (typeof weights === "function" ? weights(shape) : pickWeights(weights, shape.name)),
  }));
  const { bytes } = await writeGguf(path, { metadata: describeLlamaMetadata(spec), tensors });
  return { bytes, parameters: countLlamaParameters(spec.dims, spec.vocabulary.tokens.length) };
}

/** The GGUF metadata of a llama model: architecture keys, tokenizer, optional chat template. */
export function describeLlamaMetadata(spec: Omit<LlamaModelSpec, "weights">): GgufMetadata {
  const { dims, vocabulary } = spec;
  const metadata: Record<string, GgufValue> = {
    "general.architecture": ggufValue.string("llama"),
    "general.name": ggufValue.string(spec.name ?? "deliberate-llama"),
    "general.file_type": ggufValue.u32(spec.matrixType === "f16" ? 1 : 0),
    "llama.vocab_size": ggufValue.u32(vocabulary.tokens.length),
    "llama.context_length": ggufValue.u32(dims.contextLength ?? 2048),
    "llama.embedding_length": ggufValue.u32(dims.embedding),
    "llama.block_count": ggufValue.u32(dims.layers),
    "llama.feed_forward_length": ggufValue.u32(dims.feedForward),
    "llama.rope.dimension_count": ggufValue.u32(dims.embedding / dims.heads),
    "llama.rope.freq_base": ggufValue.f32(dims.ropeFreqBase ?? 10000),
    "llama.attention.head_count": ggufValue.u32(dims.heads),
    "llama.attention.head_count_kv": ggufValue.u32(dims.kvHeads ?? dims.heads),
    "llama.attention.layer_norm_rms_epsilon": ggufValue.f32(dims.rmsEpsilon ?? 1e-5),
    "tokenizer.ggml.model": ggufValue.string("llama"),
    "tokenizer.ggml.tokens": ggufValue.array("string", vocabulary.tokens),
    "tokenizer.ggml.scores": ggufValue.array("f32", vocabulary.scores),
    "tokenizer.ggml.token_type": ggufValue.array("i32", vocabulary.types),
    "tokenizer.ggml.unknown_token_id": ggufValue.u32(vocabulary.unknownId),
    "tokenizer.ggml.bos_token_id": ggufValue.u32(vocabulary.bosId),
    "tokenizer.ggml.eos_token_id": ggufValue.u32(vocabulary.eosId),
    "tokenizer.ggml.add_bos_token": ggufValue.bool(true),
    "tokenizer.ggml.add_eos_token": ggufValue.bool(false),
  };
  if (spec.chatTemplate !== undefined) {
    metadata["tokenizer.chat_template"] = ggufValue.string(spec.chatTemplate);
  }
  return metadata;
}

function pickWeights(weights: Readonly<Record<string, Float32Array>>, name: string): Float32Array {
  const values = weights[name];
  if (values === undefined) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected weights for tensor \`${name}\`, got none (given: ${Object.keys(weights).length} tensors)`,
    );
  }
  return values;
}

function checkDims(dims: LlamaDims): void {
  const { embedding, layers, feedForward, heads } = dims;
  const kvHeads = dims.kvHeads ?? heads;
  const positive = [embedding, layers, feedForward, heads, kvHeads].every(
    (value) => Number.isInteger(value) && value > 0,
  );
  if (
    !positive ||
    embedding % heads !== 0 ||
    heads % kvHeads !== 0 ||
    (embedding / heads) % 2 !== 0
  ) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected positive integer dims with heads dividing embedding, kvHeads dividing heads and an even head size, got ${JSON.stringify(dims)}`,
    );
  }
}
