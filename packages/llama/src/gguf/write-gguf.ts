import { endianness } from "node:os";
import { LlamaError } from "../errors.js";
import { encodeFloat16, encodeFloat16Array } from "./float16.js";
import { countElements, type GgufTensorShape, layOutGguf } from "./gguf-header.js";
import type { GgufMetadata } from "./gguf-value.js";
import { writeFileAtomically } from "./write-file-atomic.js";

/**
 * One tensor to write. `data` holds the values as 32-bit floats in ggml order (innermost dim
 * fastest); F16 tensors are converted on write. A function is called only when the tensor is
 * written, so a large model never holds all its weights in memory at once.
 */
export interface GgufTensor extends GgufTensorShape {
  readonly data: Float32Array | (() => Float32Array);
}

/** What goes into a GGUF file. */
export interface GgufContent {
  readonly metadata: GgufMetadata;
  readonly tensors: readonly GgufTensor[];
}

/**
 * Writes a GGUF v3 file atomically. The same content gives the same bytes on every run.
 *
 * @example
 * ```ts
 * await writeGguf("/tmp/one.gguf", {
 *   metadata: { "general.architecture": ggufValue.string("llama") },
 *   tensors: [{ name: "output_norm.weight", dims: [4], type: "f32", data: new Float32Array(4) }],
 * });
 * ```
 * @returns the size of the file in bytes
 */
export async function writeGguf(path: string, content: GgufContent): Promise<{ bytes: number }> {
  const layout = layOutGguf(content.metadata, content.tensors);
  await writeFileAtomically(path, async (handle) => {
    await handle.write(layout.header, 0, layout.header.length, 0);
    for (const [index, tensor] of content.tensors.entries()) {
      const place = layout.tensors[index];
      if (place === undefined) continue;
      const bytes = encodeTensor(tensor);
      await handle.write(bytes, 0, bytes.length, place.fileOffset);
    }
    // Zero padding after the last tensor: the file ends on an aligned boundary like llama.cpp's.
    await handle.truncate(layout.fileSize);
  });
  return { bytes: layout.fileSize };
}

/** Encodes a whole GGUF file in memory; for small files and for tests of the bytes. */
export function encodeGguf(content: GgufContent): Buffer {
  const layout = layOutGguf(content.metadata, content.tensors);
  const file = Buffer.alloc(layout.fileSize);
  layout.header.copy(file, 0);
  for (const [index, tensor] of content.tensors.entries()) {
    const place = layout.tensors[index];
    if (place !== undefined) encodeTensor(tensor).copy(file, place.fileOffset);
  }
  return file;
}

/** Encodes one tensor's values as little-endian F32 or F16 bytes. */
export function encodeTensor(tensor: GgufTensor): Buffer {
  const values = typeof tensor.data === "function" ? tensor.data() : tensor.data;
  const expected = countElements(tensor.dims);
  if (values.length !== expected) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected tensor \`${tensor.name}\` [${tensor.dims.join(", ")}] to have ${expected} values, got ${values.length}`,
    );
  }
  if (endianness() === "LE") {
    const typed = tensor.type === "f32" ? values : encodeFloat16Array(values);
    return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
  }
  const width = tensor.type === "f32" ? 4 : 2;
  const bytes = Buffer.allocUnsafe(values.length * width);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as number;
    if (width === 4) bytes.writeFloatLE(value, index * 4);
    else bytes.writeUInt16LE(encodeFloat16(value), index * 2);
  }
  return bytes;
}
