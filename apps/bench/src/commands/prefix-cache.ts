/**
 * `npm run bench -- prefix-cache [--json] [--puzzles 5] [--think 2s] [--capacity 32,64,256]
 * [--out docs/results/prefix-cache]`: what a
 * remote engine's prefix cache (vLLM's automatic prefix caching, SGLang's radix cache) would save
 * on deliberate's searches. It runs the Game of 24 on `builtin:tiny-reasoner` over the first
 * `--puzzles` of the ToT paper's test set with each strategy, records every model request's
 * prompt tokens in the order the search sent them, and replays each strategy's log through a
 * simulated radix cache — unbounded, and LRU-bounded at each `--capacity` in tokens — reporting
 * the share of prompt tokens it would serve from cache. With `--out`, it writes the rows and the
 * machine to `results.json` and every request's prompt tokens to `requests.json` there, so the
 * replay can be checked or redone at other sizes without running the searches again.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import "@deliberate/tiny-reasoner";
import { createSearch, type Model } from "@deliberate/core";
import type { PromptSegment } from "@deliberate/core/model";
import type { StrategyName } from "@deliberate/core/options";
import { describeMachine } from "@deliberate/eval";
import { type LlamaModel, loadModel } from "@deliberate/llama";
import { createGame24Task, loadGame24TestSet } from "@deliberate/tasks";
import { readGitCommit } from "../anytime/run-context.js";
import { parseBenchArgs, printTable } from "../bench-output.js";
import { RadixCache } from "../prefix-cache/radix-cache.js";

const STRATEGIES: readonly StrategyName[] = [
  "anytime",
  "beam",
  "dfs",
  "best-first",
  "mcts",
  "best-of-n",
  "self-consistency",
];

/** Wraps the model so each request's rendered prompt tokens are logged when it is sent. */
function recordPrompts(model: LlamaModel, log: number[][]): Model {
  const render = (segments: readonly PromptSegment[]) => log.push(model.renderPrompt(segments));
  return {
    id: model.id,
    device: model.device,
    generate: (request) => {
      render(request.segments);
      return model.generate(request);
    },
    scoreOptions: (request) => {
      render(request.segments);
      return model.scoreOptions(request);
    },
  };
}

/** Share of prompt tokens a cache would have served, in percent with one decimal. */
function replay(log: readonly number[][], capacity: number): number {
  const cache = new RadixCache(capacity);
  let total = 0;
  let hit = 0;
  for (const tokens of log) {
    total += tokens.length;
    hit += cache.serve(tokens);
  }
  return total === 0 ? 0 : Math.round((hit / total) * 1000) / 10;
}

export async function run(args: readonly string[]): Promise<void> {
  const options = parseBenchArgs(args, {
    puzzles: "5",
    think: "2s",
    capacity: "32,64,256",
    out: "",
  });
  const puzzles = loadGame24TestSet().slice(0, Number(options.puzzles));
  const capacities = readCapacities(options.capacity);
  const logs: Record<string, number[][]> = {};
  const model = await loadModel({ model: "builtin:tiny-reasoner" });
  const rows: Record<string, string | number>[] = [];
  try {
    for (const strategy of STRATEGIES) {
      // One log per strategy, the puzzles one after another, as one engine would see them.
      const log: number[][] = [];
      let solved = 0;
      for (const testCase of puzzles) {
        const task = createGame24Task(testCase.puzzle.join(" "), { profile: "compact" });
        const search = createSearch(task, {
          model: recordPrompts(model, log),
          strategy,
          evaluator: "value",
          budget: { time: options.think },
          seed: 0,
        });
        search.start();
        const result = await search.result;
        if (result.verified === true) solved += 1;
      }
      const tokens = log.reduce((sum, prompt) => sum + prompt.length, 0);
      rows.push({
        strategy,
        requests: log.length,
        prompt_tokens: tokens,
        solved: `${solved}/${puzzles.length}`,
        "cached_%_unbounded": replay(log, Number.POSITIVE_INFINITY),
        ...Object.fromEntries(capacities.map((size) => [`cached_%_${size}`, replay(log, size)])),
      });
      logs[strategy] = log;
    }
  } finally {
    await model.dispose();
  }
  const m = describeMachine();
  const report = {
    model: "builtin:tiny-reasoner",
    puzzles: puzzles.map((testCase) => `${testCase.rank}: ${testCase.puzzle.join(" ")}`),
    think: options.think,
    capacities,
    machine: `${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · ${m.platform}`,
    commit: readGitCommit(),
    date: new Date().toISOString(),
    rows,
  };
  if (options.out) {
    await mkdir(options.out, { recursive: true });
    await writeFile(join(options.out, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
    // One line per request keeps the file diffable and the replay easy to redo.
    const lines = Object.entries(logs).map(
      ([strategy, log]) =>
        `  ${JSON.stringify(strategy)}: [\n${log.map((tokens) => `    ${JSON.stringify(tokens)}`).join(",\n")}\n  ]`,
    );
    await writeFile(join(options.out, "requests.json"), `{\n${lines.join(",\n")}\n}\n`);
  }
  if (options.json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  printTable(
    `prefix-cache: Game of 24, ToT test puzzles 901–${900 + puzzles.length}, builtin:tiny-reasoner, think ${options.think} each; share of prompt tokens a radix cache serves`,
    rows,
  );
}

/** `--capacity 32,64,256`: the cache sizes to replay at, in tokens. */
function readCapacities(text: string): number[] {
  const sizes = text.split(",").map((part) => Number(part.trim()));
  if (sizes.length === 0 || !sizes.every((size) => Number.isInteger(size) && size >= 1))
    throw Object.assign(
      new Error(`Expected --capacity to be token counts such as 32,64,256, got "${text}"`),
      { exitCode: 2 },
    );
  return sizes;
}
