/**
 * Writes the trained weights as a GGUF through the llama package's one GGUF writer, then the
 * file's sha256, the parity reference and the training figures beside it.
 * Usage: tsx --conditions=@deliberate/source scripts/export-gguf.ts <training out dir> [models dir] [file name]
 * The file name defaults to the builtin model's (`tiny-reasoner.gguf`); the other files take its
 * stem (`tiny-reasoner-no2.gguf` → `tiny-reasoner-no2.reference.json`, `….training.json`).
 * TINY_REASONER_EXCLUDED_MIN_NUMBERS (the data's exclusion level) is recorded in the training figures
 * when set.
 */
import { createHash } from "node:crypto";
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { writeLlamaModel } from "../../llama/src/gguf/llama-model.js";
import { TINY_REASONER_FILE } from "../src/builtin-models.js";
import { buildTinyReasonerVocabulary } from "./tiny-vocabulary.js";

interface Manifest {
  readonly config: {
    readonly embedding: number;
    readonly layers: number;
    readonly heads: number;
    readonly feed_forward: number;
    readonly context: number;
    readonly rms_eps: number;
    readonly rope_base: number;
    readonly vocab: number;
  };
  readonly tensors: readonly { name: string; offset: number; count: number }[];
  readonly training: Readonly<Record<string, unknown>>;
}

const [
  trained = ".cache/tiny-reasoner/out",
  modelsDir = new URL("../models/", import.meta.url).pathname,
  file = TINY_REASONER_FILE,
] = process.argv.slice(2);
const stem = basename(file, ".gguf");
const manifest = JSON.parse(await readFile(join(trained, "manifest.json"), "utf8")) as Manifest;
const raw = await readFile(join(trained, "weights.bin"));
const weights: Record<string, Float32Array> = {};
for (const tensor of manifest.tensors) {
  const bytes = raw.subarray(tensor.offset, tensor.offset + tensor.count * 4);
  weights[tensor.name] = new Float32Array(new Uint8Array(bytes).buffer);
}
const vocabulary = buildTinyReasonerVocabulary();
if (vocabulary.tokens.length !== manifest.config.vocab) {
  throw new Error(
    `Expected the trained vocabulary of ${manifest.config.vocab} tokens, got ${vocabulary.tokens.length}`,
  );
}
const { config } = manifest;
const path = join(modelsDir, file);
const written = await writeLlamaModel(path, {
  name: stem,
  vocabulary,
  weights,
  dims: {
    embedding: config.embedding,
    layers: config.layers,
    heads: config.heads,
    feedForward: config.feed_forward,
    // Trained on lines of at most 128 tokens; 256 keeps llama.cpp from warning about a small context.
    contextLength: Math.max(256, config.context),
    rmsEpsilon: config.rms_eps,
    ropeFreqBase: config.rope_base,
  },
});
const sha256 = createHash("sha256")
  .update(await readFile(path))
  .digest("hex");
await writeFile(`${path}.sha256`, `${sha256}  ${file}\n`);
await copyFile(join(trained, "reference.json"), join(modelsDir, `${stem}.reference.json`));
const level = process.env.TINY_REASONER_EXCLUDED_MIN_NUMBERS;
const training = {
  ...manifest.training,
  ...(level === undefined ? {} : { excludedMinNumbers: Number(level) }),
};
await writeFile(join(modelsDir, `${stem}.training.json`), `${JSON.stringify(training, null, 2)}\n`);
console.log(JSON.stringify({ path, ...written, sha256 }));
