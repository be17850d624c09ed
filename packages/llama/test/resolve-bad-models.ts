import { describeLlamaMetadata, describeLlamaTensors } from "../src/gguf/llama-model.js";
import { writeGguf } from "../src/gguf/write-gguf.js";
import { describeSmallModel } from "./gguf-fixture.js";

/**
 * Writes a llama model whose 1-D tensors are F16: it passes node-llama-cpp's GGUF reader, and
 * llama.cpp aborts the whole process at the first decode.
 */
export async function writeF16NormModel(path: string): Promise<string> {
  const spec = describeSmallModel();
  const weights = spec.weights as (tensor: {
    name: string;
    dims: readonly number[];
    type: "f32" | "f16";
  }) => Float32Array;
  const tensors = describeLlamaTensors(spec.dims, spec.vocabulary.tokens.length).map((shape) => ({
    ...shape,
    type: "f16" as const,
    data: () => weights(shape),
  }));
  await writeGguf(path, { metadata: describeLlamaMetadata(spec), tensors });
  return path;
}
