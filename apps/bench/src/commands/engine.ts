/**
 * `npm run bench -- engine [--json] [--sizes 1000,10000,100000]`: how fast the engine itself
 * grows a tree, with an instant scripted model, so the figures are the engine's own cost.
 */

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type Model, type StrategyOption, type Task, think } from "@deliberate/core";
import { createRandom } from "@deliberate/core/task";
import { describeMachine } from "@deliberate/eval";
import { parseBenchArgs, printTable } from "../bench-output.js";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** A task whose steps are always valid and never end, so the budget alone stops the search. */
const endlessTask: Task<number> = {
  name: "endless",
  question: "grow",
  initialState: 0,
  maxDepth: 1_000,
  stepPrompt: (node) => ({ segments: [{ text: `step ${node.depth}`, trusted: true }] }),
  applyStep: (text, node) => ({ kind: "step", state: node.state + text.length }),
  valuePrompt: () => ({ segments: [{ text: "value", trusted: true }] }),
};

/** Answers at once: distinct steps from the seed, and random option probabilities. */
function createInstantModel(): Model {
  const usage = {
    promptTokens: 2,
    evaluatedPromptTokens: 2,
    generatedTokens: 1,
    calls: 1,
    forks: 0,
    ms: 0,
  };
  return {
    id: "instant",
    async generate(request) {
      const seed = request.seed ?? 0;
      const completions = Array.from({ length: request.n ?? 1 }, (_, index) => ({
        text: `s${seed + index}`,
        finishReason: "stop" as const,
      }));
      return { completions, usage };
    },
    async scoreOptions(request) {
      const random = createRandom(request.options.length * 31 + Math.floor(Math.random() * 1e9));
      const raw = request.options.map(() => random());
      const sum = raw.reduce((a, b) => a + b, 0);
      return {
        probabilities: raw.map((value) => value / sum),
        usage: { ...usage, generatedTokens: 0 },
      };
    },
  };
}

const strategies: Record<string, StrategyOption> = {
  beam: { name: "beam", width: 500, branching: 10 },
  "best-first": { name: "best-first", branching: 10, batch: 50 },
  mcts: { name: "mcts", branching: 10 },
};

interface Row extends Record<string, string | number> {
  strategy: string;
  nodes: number;
  ms: number;
  nodesPerSecond: number;
  bytesPerNode: number;
}

async function measure(name: string, strategy: StrategyOption, nodes: number): Promise<Row> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = await think(endlessTask, {
    model: createInstantModel(),
    strategy,
    concurrency: 64,
    budget: { nodes, reserve: 0 },
  });
  const ms = performance.now() - started;
  collectGarbage();
  const bytes = process.memoryUsage().heapUsed - before;
  const grown = result.tree.nodes.length;
  return {
    strategy: name,
    nodes: grown,
    ms: Math.round(ms),
    nodesPerSecond: Math.round(grown / (ms / 1000)),
    bytesPerNode: Math.round(bytes / grown),
  };
}

export async function run(args: readonly string[]): Promise<void> {
  const options = parseBenchArgs(args, { sizes: "1000,10000,100000" });
  const sizes = options.sizes.split(",").map(Number);
  const rows: Row[] = [];
  for (const [name, strategy] of Object.entries(strategies)) {
    for (const size of sizes) {
      // mcts descends from the root for every expansion: its cost per node grows with depth.
      if (name === "mcts" && size > 10_000) continue;
      rows.push(await measure(name, strategy, size));
    }
  }
  const report = { benchmark: "engine", machine: describeMachine(), rows };
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else printTable("Engine throughput (instant model)", rows);
}
