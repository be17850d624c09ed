/**
 * `npm run bench -- tree [--json] [--model <source>] [--threads <n>] [--throughput-threads <n,m>]`:
 * one search tree (4 branches, depth 3, 24 tokens a node, ~300-token root) built naively, every
 * node's full prompt evaluated afresh one call at a time as the ToT reference code does, and by
 * `@deliberate/llama` (prefix reuse, forks, lockstep batching); then generation throughput at 1, 4
 * and 8 branches, at each thread count asked (what batching gains depends on it: see
 * docs/benchmarks.md).
 */
import { loadavg } from "node:os";
import type { PromptSegment } from "@deliberate/core/model";
import { type LlamaModel, loadModel } from "@deliberate/llama";
import type { Token } from "node-llama-cpp";
import {
  compareBranchThroughput,
  readCpuSeconds,
  type Throughput,
} from "../llama/branch-throughput.js";

const branching = 4;
const depth = 3;
const nodeTokens = 24;
const rootTokens = 300;

interface TreeRun {
  readonly ms: number;
  /** CPU seconds of this process: what the run cost, whatever else the machine was doing. */
  readonly cpuSeconds: number;
  readonly evaluatedPromptTokens: number;
  readonly generatedTokens: number;
  readonly prompts: number[][];
}

/** Reads `--name value` from the arguments. */
function readOption(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A root text of about `rootTokens` tokens, the same every run. */
function buildRoot(model: LlamaModel): PromptSegment {
  const words =
    "the cat sat on a mat and the dog ran to the park where some children played with a red ball".split(
      " ",
    );
  let text = "Solve the puzzle step by step.";
  for (let index = 0; model.renderPrompt([{ text }]).length < rootTokens; index++) {
    text += ` ${words[(index * 7) % words.length]}`;
  }
  return { text, trusted: true };
}

/** Builds the tree breadth-first with `expand(path)` giving the children of a node. */
async function buildTree(
  root: PromptSegment,
  expand: (segments: PromptSegment[]) => Promise<{ text: string; tokens: readonly number[] }[]>,
): Promise<void> {
  let frontier: PromptSegment[][] = [[root]];
  for (let level = 0; level < depth; level++) {
    const next: PromptSegment[][] = [];
    for (const path of frontier) {
      const children = await expand([...path, { text: "\nStep:", trusted: true }]);
      for (const child of children) next.push([...path, { text: "\nStep:", trusted: true }, child]);
    }
    frontier = next;
  }
}

/** The naive way: a fresh sequence state per node, each branch its own call. */
async function runNaive(model: LlamaModel, root: PromptSegment): Promise<TreeRun> {
  const context = await model.native.model.createContext({
    sequences: 1,
    contextSize: model.contextSize,
    threads: 1,
  });
  const sequence = context.getSequence();
  const run = { ms: 0, evaluatedPromptTokens: 0, generatedTokens: 0, prompts: [] as number[][] };
  const started = performance.now();
  const cpuBefore = readCpuSeconds();
  try {
    await buildTree(root, async (segments) => {
      const prompt = model.renderPrompt(segments);
      const children = [];
      for (let branch = 0; branch < branching; branch++) {
        await sequence.clearHistory();
        run.prompts.push(prompt);
        run.evaluatedPromptTokens += prompt.length;
        const tokens: number[] = [];
        const options = { temperature: 1, topK: 0, topP: 1, minP: 0, seed: run.prompts.length };
        for await (const token of sequence.evaluate(prompt as Token[], options)) {
          tokens.push(token);
          if (tokens.length >= nodeTokens) break;
        }
        run.generatedTokens += tokens.length;
        children.push({ text: model.detokenize(tokens), tokens });
      }
      return children;
    });
  } finally {
    await context.dispose();
  }
  return { ...run, ms: performance.now() - started, cpuSeconds: readCpuSeconds() - cpuBefore };
}

/** Ours: one `generate` per expansion with `n` branches. */
async function runOurs(model: LlamaModel, root: PromptSegment): Promise<TreeRun> {
  const run = { ms: 0, evaluatedPromptTokens: 0, generatedTokens: 0, prompts: [] as number[][] };
  const started = performance.now();
  const cpuBefore = readCpuSeconds();
  await buildTree(root, async (segments) => {
    run.prompts.push(model.renderPrompt(segments));
    const reply = await model.generate({
      segments,
      n: branching,
      maxTokens: nodeTokens,
      temperature: 1,
      seed: run.prompts.length * 16,
    });
    run.evaluatedPromptTokens += reply.usage.evaluatedPromptTokens;
    run.generatedTokens += reply.usage.generatedTokens;
    return reply.completions.map((completion) => ({
      text: completion.text,
      tokens: completion.tokens ?? [],
    }));
  });
  return { ...run, ms: performance.now() - started, cpuSeconds: readCpuSeconds() - cpuBefore };
}

/** Distinct token positions over all prompts: the size of their prefix trie. */
function countUniqueTokens(prompts: readonly number[][]): number {
  const trie = new Set<string>();
  for (const prompt of prompts) {
    let key = "";
    for (const token of prompt) {
      key += `${token},`;
      trie.add(key);
    }
  }
  return trie.size;
}

export async function run(args: readonly string[]): Promise<void> {
  const source = readOption(args, "model") ?? "synthetic:bench";
  const threads = Number(readOption(args, "threads") ?? 1);
  const loadBefore = loadavg()[0];
  const model = await loadModel({ model: source, threads, branches: branching, contextSize: 1024 });
  let naive: TreeRun;
  let ours: TreeRun;
  const root = buildRoot(model);
  const rootLength = model.renderPrompt([root]).length;
  try {
    ours = await runOurs(model, root);
    console.error(`ours: ${Math.round(ours.ms)} ms`);
    naive = await runNaive(model, root);
    console.error(`naive: ${Math.round(naive.ms)} ms`);
  } finally {
    await model.dispose();
  }
  const throughputThreads = (readOption(args, "throughput-threads") ?? String(threads))
    .split(",")
    .map(Number);
  const byThreads: Record<number, Record<number, Throughput>> = {};
  for (const count of throughputThreads) {
    const wide = await loadModel({ model: source, threads: count, branches: 8, contextSize: 512 });
    try {
      byThreads[count] = await compareBranchThroughput(wide, root, [1, 4, 8], 3);
    } finally {
      await wide.dispose();
    }
  }
  const ratios = (
    measured: Record<number, Throughput>,
  ): Record<number, Throughput> & { wallRatio4to1: number; cpuRatio4to1: number } => ({
    ...measured,
    wallRatio4to1: (measured[4]?.wall ?? 0) / (measured[1]?.wall ?? 1),
    cpuRatio4to1: (measured[4]?.cpu ?? 0) / (measured[1]?.cpu ?? 1),
  });
  const unique = countUniqueTokens(ours.prompts);
  const report = {
    model: source,
    threads,
    tree: { branching, depth, nodeTokens, rootTokens: rootLength, uniquePromptTokens: unique },
    naive: {
      ms: Math.round(naive.ms),
      cpuSeconds: Math.round(naive.cpuSeconds * 10) / 10,
      evaluatedPromptTokens: naive.evaluatedPromptTokens,
      generatedTokens: naive.generatedTokens,
    },
    ours: {
      ms: Math.round(ours.ms),
      cpuSeconds: Math.round(ours.cpuSeconds * 10) / 10,
      evaluatedPromptTokens: ours.evaluatedPromptTokens,
      generatedTokens: ours.generatedTokens,
    },
    speedup: naive.ms / ours.ms,
    cpuSpeedup: naive.cpuSeconds / ours.cpuSeconds,
    oursOverUnique: ours.evaluatedPromptTokens / unique,
    /** Generation throughput by thread count, then by branch count. */
    throughput: Object.fromEntries(
      Object.entries(byThreads).map(([count, measured]) => [count, ratios(measured)]),
    ),
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
  if (args.includes("--json")) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(
    `tree: ${branching} branches, depth ${depth}, ${nodeTokens} tokens a node, ${report.tree.rootTokens}-token root (${source}, ${threads} thread)`,
  );
  console.log(
    `naive: ${report.naive.ms} ms (${report.naive.cpuSeconds} CPU s), ${naive.evaluatedPromptTokens} prompt tokens evaluated`,
  );
  console.log(
    `ours:  ${report.ours.ms} ms (${report.ours.cpuSeconds} CPU s), ${ours.evaluatedPromptTokens} prompt tokens evaluated`,
  );
  console.log(
    `speed-up ${report.speedup.toFixed(2)}× wall, ${report.cpuSpeedup.toFixed(2)}× CPU; ours evaluated ${report.oursOverUnique.toFixed(2)}× the tree's ${unique} unique prompt tokens`,
  );
  for (const [count, measured] of Object.entries(report.throughput)) {
    console.log(
      `generation, ${count} thread${count === "1" ? "" : "s"}: ${[1, 4, 8].map((n) => `${n} branch${n > 1 ? "es" : ""} ${measured[n]?.wall.toFixed(0)} tok/s (${measured[n]?.cpu.toFixed(0)} per CPU s)`).join(", ")}; 4 ÷ 1 = ${measured.wallRatio4to1.toFixed(2)}× wall, ${measured.cpuRatio4to1.toFixed(2)}× CPU`,
    );
  }
  console.log(
    `load average: ${loadBefore?.toFixed(2)} before, ${report.loadAverage.after?.toFixed(2)} after`,
  );
}
