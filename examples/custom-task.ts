/**
 * A structured task of your own, with an exact verifier: reach a target number from 1 using only
 * "+3" and "*2". The model proposes moves (constrained to those two), the task applies them, and
 * its verifier scores states exactly, so the search prunes overshoots and stops at a proof.
 *
 * Run: npx tsx --conditions=@deliberate/source examples/custom-task.ts [target]
 * Model: a scripted one that writes random legal moves (no download, no network); set
 * DELIBERATE_MODEL to a GGUF path, an hf: URI or synthetic:tiny to use a local model instead.
 */
import { type Model, type Task, think } from "@deliberate/core";
import type { TaskNode } from "@deliberate/core/task";
import { createRandom, createScriptedModel } from "@deliberate/core/testing";

interface ReachState {
  readonly value: number;
  readonly moves: readonly string[];
}

const MOVES = ["+3", "*2"] as const;

/** Creates the task of reaching `target` from 1 in at most `maxDepth` moves. */
export function createReachTask(target: number, maxDepth = 8): Task<ReachState> {
  return {
    name: "reach-target",
    question: `Reach ${target} from 1 using "+3" and "*2".`,
    initialState: { value: 1, moves: [] },
    maxDepth,
    stepPrompt: (node: TaskNode<ReachState>) => ({
      segments: [
        {
          role: "system",
          text: 'Reach the target number from the current one. Reply with one move: "+3" or "*2".',
          trusted: true,
        },
        {
          role: "user",
          text: `Target: ${target}. Current: ${node.state.value}. Move:`,
          trusted: true,
        },
      ],
      maxTokens: 4,
      constraint: { kind: "choice", options: MOVES },
    }),
    applyStep(text, node) {
      const move = MOVES.find((candidate) => candidate === text.trim());
      if (!move)
        return { kind: "invalid", reason: `expected "+3" or "*2", got ${JSON.stringify(text)}` };
      const value = move === "+3" ? node.state.value + 3 : node.state.value * 2;
      const state = { value, moves: [...node.state.moves, move] };
      const thought = `${move} → ${value}`;
      if (value !== target) return { kind: "step", state, thought };
      return { kind: "answer", state, answer: `1 ${state.moves.join(" ")} = ${target}`, thought };
    },
    // Both moves only grow the number, so an overshoot is a dead end for sure; any other state is
    // still open, and 0.5 keeps it above the threshold dfs prunes at.
    verify(node) {
      if (node.state.value === target) return 1;
      return node.state.value > target ? 0 : 0.5;
    },
  };
}

/** A stand-in policy: each completion picks a move from its own seed, so siblings differ. */
function createRandomMoveModel(): Model {
  return createScriptedModel({
    id: "random-moves",
    rules: [{ match: "Move:", reply: ({ seed }) => (createRandom(seed)() < 0.5 ? "+3" : "*2") }],
  });
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 22);
  if (!Number.isInteger(target) || target < 2) {
    throw new Error(`Expected a target integer ≥ 2, got ${JSON.stringify(process.argv[2])}`);
  }
  const path = process.env.DELIBERATE_MODEL;
  // Imported only when asked for: loading llama.cpp is the slow part of starting up.
  const local = path
    ? await (await import("@deliberate/llama")).loadModel({ model: path })
    : undefined;
  const model = local ?? createRandomMoveModel();
  try {
    const result = await think(createReachTask(target), {
      model,
      strategy: { name: "dfs", branching: 2, threshold: 0.5 },
      evaluator: "verifier",
      seed: 1,
      budget: { nodes: 400, time: "20s" },
    });
    console.log(`answer:   ${result.answer ?? "(none)"}`);
    console.log(`verified: ${String(result.verified)}`);
    console.log(`path:     ${result.best.path.map((step) => step.text).join("  |  ")}`);
    console.log(`stopped:  ${result.stopReason}, ${result.usage.nodes} nodes`);
  } finally {
    await local?.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
