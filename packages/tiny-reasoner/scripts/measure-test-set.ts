/**
 * Runs the tiny reasoner on the ToT test puzzles through deliberate's engine and prints one JSON
 * line per method (appended to the results file too).
 * Usage: tsx --conditions=@deliberate/source scripts/measure-test-set.ts <results.jsonl> <first> <count> <method>...
 * Methods: trace-greedy, greedy, beam:<width>:<branching>, beam-random:<width>:<branching>,
 * best-of-n:<samples>.
 */
import { appendFile } from "node:fs/promises";
import { cpus } from "node:os";
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
  const [name, a, b] = text.split(":");
  if (name === "beam" || name === "beam-random") {
    return { name, width: Number(a ?? 5), branching: Number(b ?? 8) };
  }
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
const model = await loadModel({
  model: resolveBuiltinModel("builtin:tiny-reasoner") ?? "",
  branches: 4,
});
try {
  for (const text of methods) {
    const method = parseMethod(text);
    const attempts: Game24Attempt[] = [];
    for (const [index, puzzle] of puzzles.entries()) {
      attempts.push(await attemptGame24(model, puzzle, method, index + 1));
    }
    const row = {
      method: text,
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
