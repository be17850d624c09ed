/**
 * Runs the tiny reasoner on the ToT test puzzles through deliberate's engine and prints one JSON
 * line per method (appended to the results file too).
 * Usage: tsx --conditions=@deliberate/source scripts/measure-test-set.ts <results.jsonl> <first> <count> <method>...
 * Methods: trace-greedy, greedy, beam:<width>:<branching>, beam-random:<width>:<branching>,
 * best-of-n:<samples>, dfs:<branching>:<threshold>:<nodes>, mcts:<branching>:<nodes>; a `+check`
 * after the name (`beam+check:5:5`) judges 2-number states exactly instead of by the model.
 * TINY_REASONER_MODEL=<path.gguf> measures another file than the committed model (each row names
 * the file it measured);
 * TINY_REASONER_TEMPERATURE=<t> samples at t instead of the engine's default 0.7.
 */
import { appendFile } from "node:fs/promises";
import { cpus } from "node:os";
import { basename } from "node:path";
import { loadModel } from "@deliberate/llama";
import { loadGame24TestSet } from "@deliberate/tasks";
import {
  attemptGame24,
  type Game24Attempt,
  type Game24Method,
} from "../src/evaluation/game24-methods.js";
import { summarizeAttempts } from "../src/evaluation/summarize-attempts.js";
import { resolveBuiltinModel } from "../src/index.js";

function parseMethod(text: string): Game24Method {
  const [full = "", a, b, c] = text.split(":");
  const check = full.endsWith("+check");
  const name = full.replace(/\+check$/, "");
  if (name === "beam") return { name, width: Number(a ?? 5), branching: Number(b ?? 8), check };
  if (name === "beam-random") return { name, width: Number(a ?? 5), branching: Number(b ?? 8) };
  if (name === "dfs") {
    return {
      name,
      branching: Number(a ?? 5),
      threshold: Number(b ?? 0.5),
      nodes: Number(c ?? 100),
      check,
    };
  }
  if (name === "mcts") return { name, branching: Number(a ?? 5), nodes: Number(b ?? 100), check };
  if (name === "best-of-n") return { name, samples: Number(a ?? 20) };
  if (name === "greedy" || name === "trace-greedy") return { name };
  throw new Error(`Expected a method like beam:5:8, got ${JSON.stringify(text)}`);
}

const [
  results = "/tmp/tiny-reasoner-results.jsonl",
  firstText = "0",
  countText = "100",
  ...methods
] = process.argv.slice(2);
const puzzles = loadGame24TestSet()
  .slice(Number(firstText), Number(firstText) + Number(countText))
  .map((testCase) => testCase.puzzle);
const modelPath =
  process.env.TINY_REASONER_MODEL ?? resolveBuiltinModel("builtin:tiny-reasoner") ?? "";
const model = await loadModel({ model: modelPath, branches: 4 });
const temperatureText = process.env.TINY_REASONER_TEMPERATURE;
const extra = temperatureText === undefined ? {} : { temperature: Number(temperatureText) };
try {
  for (const text of methods) {
    const method = parseMethod(text);
    const attempts: Game24Attempt[] = [];
    for (const [index, puzzle] of puzzles.entries()) {
      attempts.push(await attemptGame24(model, puzzle, method, index + 1, extra));
    }
    const row = {
      method: text,
      model: basename(modelPath),
      ...extra,
      first: Number(firstText),
      ...summarizeAttempts(attempts),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`,
      at: new Date().toISOString(),
      solvedPuzzles: attempts.filter((a) => a.solved).map((a) => a.puzzle.join(" ")),
    };
    console.log(JSON.stringify(row));
    await appendFile(results, `${JSON.stringify(row)}\n`);
  }
} finally {
  await model.dispose();
}
