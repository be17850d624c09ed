/**
 * A search strategy of your own, as a plug-in: `diverse-beam`, a beam search with a diversity
 * rule — no parent holds more than `perParent` seats of the beam while a state of another lineage
 * waits for one (the seats left over still go to the best, so the beam never shrinks). A plain
 * beam ranked by a model's values fills up with the children of the state the model likes best;
 * when that state is a trap, every seat falls into it together. The example runs both on a map
 * whose nicest-sounding roads end nowhere (examples/harbor-route.ts).
 *
 * Run: npx tsx --conditions=@deliberate/source examples/custom-strategy.ts
 * Model: a scripted one that judges places by their names (no download, no network); set
 * DELIBERATE_MODEL to a GGUF path, an hf: URI or synthetic:tiny to use a local model instead.
 */
import { type Model, type Result, think } from "@deliberate/core";
import {
  compareByScore,
  defineStrategy,
  isExpandable,
  nodesOf,
  type Prune,
  pruneAtDepthLimit,
  type Strategy,
  separateRepeatedStates,
} from "@deliberate/core/plugins";
import type { TreeNode } from "@deliberate/core/tree";
import { z } from "zod";
import { createHarborRouteTask, createNameJudgingModel } from "./harbor-route.js";

/** The strategy's state: plain JSON, so a paused search can be saved and resumed. */
interface DiverseBeamState {
  /** The states holding a seat; answers found keep theirs as candidates. */
  readonly beam: readonly number[];
}

/** Options of `diverse-beam`, checked by think() before any model work. */
const DiverseBeamOptions = z.strictObject({
  /** States kept at each depth. */
  width: z.number().int().min(1).max(64).default(4),
  /** Children asked of each kept state. */
  branching: z.number().int().min(1).max(32).default(4),
  /** Seats one parent's children may take before every other lineage had its turn. */
  perParent: z.number().int().min(1).default(1),
});

/**
 * Of the states ranked best first, the `width` to keep: each parent's best `perParent` first,
 * then the best of those that waited, so the rule spreads the beam over parents but never leaves
 * a seat empty. The rest come back as prunes, with the reason the viewer shows.
 */
function takeSeats(
  ranked: readonly TreeNode[],
  { width, perParent }: z.output<typeof DiverseBeamOptions>,
): { readonly kept: TreeNode[]; readonly prune: Prune[] } {
  const seats = new Map<number | null, number>();
  const kept: TreeNode[] = [];
  const waiting = new Set<TreeNode>();
  for (const node of ranked) {
    if (kept.length === width) break;
    const taken = seats.get(node.parent) ?? 0;
    if (taken >= perParent) {
      waiting.add(node);
      continue;
    }
    seats.set(node.parent, taken + 1);
    kept.push(node);
  }
  kept.push(...[...waiting].slice(0, width - kept.length));
  const prune = ranked
    .filter((node) => !kept.includes(node))
    .map((node) => ({
      id: node.id,
      reason: waiting.has(node)
        ? `node ${node.parent} already holds ${perParent} of the ${width} seats`
        : `not among the best ${width}`,
    }));
  return { kept, prune };
}

/**
 * Makes the strategy. A typed factory rather than an inline `create`, so `state` is a
 * `DiverseBeamState` in select and update (defineStrategy itself types it as `unknown`).
 */
function createDiverseBeam(
  options: z.output<typeof DiverseBeamOptions>,
): Strategy<DiverseBeamState> {
  return {
    name: "diverse-beam",
    evaluates: "all",
    dedupeSiblings: true,
    init: () => ({ beam: [0] }),
    select(state, view) {
      const ids = nodesOf(view, state.beam)
        .filter((node) => isExpandable(node, view))
        .map((node) => node.id);
      return {
        state,
        selection:
          ids.length === 0
            ? { kind: "stop" }
            : { kind: "expand", ids, branching: options.branching },
      };
    },
    update(state, view, expanded, created) {
      // Answers already in the beam keep competing for a seat as candidates.
      const carried = nodesOf(view, state.beam).filter(
        (node) => node.status === "terminal" && !expanded.includes(node.id),
      );
      // A new state that an earlier live node already stands for would only be searched twice.
      const { fresh, repeats } = separateRepeatedStates(view, created);
      const { kept, prune } = takeSeats([...carried, ...fresh].sort(compareByScore), options);
      prune.push(...repeats, ...pruneAtDepthLimit(kept, view));
      return { state: { beam: kept.map((node) => node.id) }, prune };
    },
  };
}

/** `diverse-beam` as a plug-in: a name, a schema of its options, and the factory. */
export const diverseBeam = defineStrategy({
  name: "diverse-beam",
  description: "a beam in which no parent holds more than `perParent` seats while others wait",
  options: DiverseBeamOptions,
  create: createDiverseBeam,
});

/** One run's outcome, and the strategy as the tree recorded it. */
function report(label: string, result: Result): void {
  console.log(`${label}:`);
  console.log(`  answer:   ${result.answer ?? "(none)"}`);
  console.log(`  verified: ${String(result.verified)}`);
  console.log(`  stopped:  ${result.stopReason}, ${result.usage.nodes} nodes`);
  console.log(`  strategy: ${JSON.stringify(result.tree.plugins?.strategy)}`);
  for (const node of result.tree.nodes.filter((each) => each.status === "pruned")) {
    console.log(`  pruned:   ${node.text} (${node.reason})`);
  }
}

async function run(model: Model): Promise<void> {
  const common = {
    model,
    seed: 1,
    budget: { nodes: 60, time: "20s" },
    // Show each strategy's own shape: no restarts at a higher temperature once it is done.
    onExhausted: "stop",
  } as const;
  const plain = await think(createHarborRouteTask(), {
    ...common,
    strategy: { name: "beam", width: 2, branching: 2 },
  });
  report("beam", plain);
  const diverse = await think(createHarborRouteTask(), {
    ...common,
    // Listing the plug-in makes its name and options type-check, and lets think() validate them.
    plugins: [diverseBeam],
    strategy: { name: "diverse-beam", width: 2, branching: 2, perParent: 1 },
  });
  report("diverse-beam", diverse);
}

async function main(): Promise<void> {
  const path = process.env.DELIBERATE_MODEL;
  // Imported only when asked for: loading llama.cpp is the slow part of starting up.
  const local = path
    ? await (await import("@deliberate/llama")).loadModel({ model: path })
    : undefined;
  try {
    await run(local ?? createNameJudgingModel());
  } finally {
    await local?.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
