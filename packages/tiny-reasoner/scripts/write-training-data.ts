/**
 * Writes the training lines as JSONL (`{"kind","prompt","completion"}`) and the vocabulary the
 * trainer must use, both into the cache directory given as the first argument.
 * Usage: tsx --conditions=@deliberate/source scripts/write-training-data.ts <dir> [count] [seed]
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateDataset } from "../src/data/generate-dataset.js";
import { buildTinyReasonerVocabulary } from "./tiny-vocabulary.js";

const [dir = ".cache/tiny-reasoner", countText = "400000", seedText = "24"] = process.argv.slice(2);
await mkdir(dir, { recursive: true });
const vocabulary = buildTinyReasonerVocabulary();
await writeFile(
  join(dir, "vocabulary.json"),
  `${JSON.stringify({ tokens: vocabulary.tokens, bos: vocabulary.bosId, eos: vocabulary.eosId })}\n`,
);
const out = createWriteStream(join(dir, "train.jsonl"));
const counts = { proposal: 0, value: 0, trace: 0 };
const words = { sure: 0, likely: 0, impossible: 0 };
const started = Date.now();
for (const example of generateDataset({ count: Number(countText), seed: Number(seedText) })) {
  counts[example.kind] += 1;
  if (example.kind === "value") words[example.completion.trim() as keyof typeof words] += 1;
  const line = `${JSON.stringify({ kind: example.kind, prompt: example.prompt, completion: example.completion })}\n`;
  if (!out.write(line)) await once(out, "drain");
}
out.end();
await once(out, "finish");
console.log(
  JSON.stringify({ dir, counts, valueWords: words, seconds: (Date.now() - started) / 1000 }),
);
