/**
 * Writes the training lines as JSONL (`{"kind","prompt","completion"}`) and the vocabulary the
 * trainer must use, both into the cache directory given as the first argument.
 * Usage: tsx --conditions=@deliberate/source scripts/write-training-data.ts <dir> [count] [seed] [min numbers]
 * `min numbers` is the exclusion level (default `EXCLUDED_MIN_NUMBERS`, 3, the committed model's):
 * 2 also keeps the 2-number states reachable from the test puzzles out of the lines.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateDataset } from "../src/data/generate-dataset.js";
import { EXCLUDED_MIN_NUMBERS, listExcludedStates } from "../src/data/test-exclusion.js";
import { buildTinyReasonerVocabulary } from "./tiny-vocabulary.js";

const [
  dir = ".cache/tiny-reasoner",
  countText = "400000",
  seedText = "24",
  minNumbersText = String(EXCLUDED_MIN_NUMBERS),
] = process.argv.slice(2);
const excludedMinNumbers = Number(minNumbersText);
if (!Number.isInteger(excludedMinNumbers) || excludedMinNumbers < 2 || excludedMinNumbers > 4) {
  throw new Error(`Expected an exclusion level of 2, 3 or 4 numbers, got ${minNumbersText}`);
}
const excluded = listExcludedStates(excludedMinNumbers);
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
for (const example of generateDataset({
  count: Number(countText),
  seed: Number(seedText),
  excluded,
})) {
  counts[example.kind] += 1;
  if (example.kind === "value") words[example.completion.trim() as keyof typeof words] += 1;
  const line = `${JSON.stringify({ kind: example.kind, prompt: example.prompt, completion: example.completion })}\n`;
  if (!out.write(line)) await once(out, "drain");
}
out.end();
await once(out, "finish");
console.log(
  JSON.stringify({
    dir,
    excludedMinNumbers,
    excludedStates: excluded.size,
    counts,
    valueWords: words,
    seconds: (Date.now() - started) / 1000,
  }),
);
