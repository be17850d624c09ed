import { LlamaError } from "../errors.js";
import { alignOffset, ByteWriter } from "./byte-writer.js";
import {
  checkScalar,
  GGUF_ARRAY_TYPE_ID,
  GGUF_VALUE_TYPE_IDS,
  type GgufMetadata,
  type GgufScalarType,
  type GgufValue,
} from "./gguf-value.js";

/** Tensor element types this writer emits: ggml's F32 (0) and F16 (1). */
export const GGML_TYPE_IDS = { f32: 0, f16: 1 } as const;
export type GgufTensorType = keyof typeof GGML_TYPE_IDS;

const BYTES_PER_ELEMENT: Record<GgufTensorType, number> = { f32: 4, f16: 2 };

/** ggml keeps tensor names in a 64-byte field with a terminator. */
const MAX_TENSOR_NAME_BYTES = 63;

/** Alignment GGUF readers assume when `general.alignment` is absent. */
export const DEFAULT_GGUF_ALIGNMENT = 32;

/** Shape and type of one tensor; `dims` are innermost first, in ggml's `ne` order. */
export interface GgufTensorShape {
  readonly name: string;
  readonly dims: readonly number[];
  readonly type: GgufTensorType;
}

/** Where each tensor's bytes go, relative to the start of the file. */
export interface GgufLayout {
  readonly header: Buffer;
  readonly alignment: number;
  readonly tensors: readonly { readonly byteLength: number; readonly fileOffset: number }[];
  readonly fileSize: number;
}

/** Counts the elements of a tensor of shape `dims`. */
export function countElements(dims: readonly number[]): number {
  return dims.reduce((product, dim) => product * dim, 1);
}

/**
 * Lays out a GGUF v3 file: the encoded header (magic, counts, key-values, tensor infos, padding
 * up to the data section) and the aligned offset of every tensor's data.
 */
export function layOutGguf(
  metadata: GgufMetadata,
  tensors: readonly GgufTensorShape[],
): GgufLayout {
  const alignment = readAlignment(metadata);
  const writer = new ByteWriter();
  writer.writeU32(0x46554747); // "GGUF" read as a little-endian u32
  writer.writeU32(3);
  writer.writeU64(tensors.length);
  writer.writeU64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    writer.writeString(key);
    writeValue(writer, key, value);
  }
  const names = new Set<string>();
  let dataOffset = 0;
  const placed: { byteLength: number; dataOffset: number }[] = [];
  for (const tensor of tensors) {
    checkTensorShape(tensor, names);
    const byteLength = countElements(tensor.dims) * BYTES_PER_ELEMENT[tensor.type];
    writer.writeString(tensor.name);
    writer.writeU32(tensor.dims.length);
    for (const dim of tensor.dims) writer.writeU64(dim);
    writer.writeU32(GGML_TYPE_IDS[tensor.type]);
    writer.writeU64(dataOffset);
    placed.push({ byteLength, dataOffset });
    dataOffset = alignOffset(dataOffset + byteLength, alignment);
  }
  // Without this padding llama.cpp loads silently with every weight shifted.
  writer.padTo(alignment);
  const header = writer.toBuffer();
  return {
    header,
    alignment,
    tensors: placed.map((tensor) => ({
      byteLength: tensor.byteLength,
      fileOffset: header.length + tensor.dataOffset,
    })),
    fileSize: header.length + dataOffset,
  };
}

function readAlignment(metadata: GgufMetadata): number {
  const value = metadata["general.alignment"];
  if (value === undefined) return DEFAULT_GGUF_ALIGNMENT;
  if (value.type !== "u32" || value.value === 0 || value.value % 8 !== 0) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected GGUF metadata \`general.alignment\` to be a u32 multiple of 8, got ${JSON.stringify(value)}`,
    );
  }
  return value.value;
}

function writeValue(writer: ByteWriter, key: string, value: GgufValue): void {
  if (value.type === "array") {
    writer.writeU32(GGUF_ARRAY_TYPE_ID);
    writer.writeU32(GGUF_VALUE_TYPE_IDS[value.itemType]);
    writer.writeU64(value.value.length);
    for (let index = 0; index < value.value.length; index += 1) {
      writeScalar(writer, `${key}[${index}]`, value.itemType, value.value[index]);
    }
    return;
  }
  writer.writeU32(GGUF_VALUE_TYPE_IDS[value.type]);
  writeScalar(writer, key, value.type, value.value);
}

function writeScalar(writer: ByteWriter, key: string, type: GgufScalarType, value: unknown): void {
  checkScalar(key, type, value);
  if (type === "u32") writer.writeU32(value as number);
  else if (type === "i32") writer.writeI32(value as number);
  else if (type === "f32") writer.writeF32(value as number);
  else if (type === "bool") writer.writeBool(value as boolean);
  else writer.writeString(value as string);
}

function checkTensorShape(tensor: GgufTensorShape, names: Set<string>): void {
  const { name, dims } = tensor;
  if (name.length === 0 || Buffer.byteLength(name) > MAX_TENSOR_NAME_BYTES) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected a tensor name of 1 to ${MAX_TENSOR_NAME_BYTES} bytes, got ${JSON.stringify(name)}`,
    );
  }
  if (names.has(name)) {
    throw new LlamaError("INVALID_OPTION", `Expected unique tensor names, got \`${name}\` twice`);
  }
  names.add(name);
  if (
    dims.length < 1 ||
    dims.length > 4 ||
    !dims.every((dim) => Number.isInteger(dim) && dim > 0)
  ) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected tensor \`${name}\` to have 1 to 4 positive integer dims, got [${dims.join(", ")}]`,
    );
  }
  if (!(tensor.type in GGML_TYPE_IDS)) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected tensor \`${name}\` type to be "f32" or "f16", got ${JSON.stringify(tensor.type)}`,
    );
  }
}
