import {
  beam,
  DeliberateError,
  defineEvaluator,
  defineStrategy,
  type SearchScope,
  type Strategy,
  think,
  thinkMany,
  valueEvaluator,
} from "@deliberate/core";
import type { Evaluation } from "@deliberate/core/plugins";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

/** Expands the first open node it finds, `branching` children at a time, to a depth. */
const firstOpen = defineStrategy({
  name: "first-open",
  description: "expands the first open node, for tests",
  options: z.strictObject({ branching: z.number().int().min(1).max(8).default(2) }),
  // A typed state: the factory says which, and select and update read it as such.
  create: ({ branching }): Strategy<{ expanded: number }> => ({
    name: "first-open",
    evaluates: "all",
    dedupeSiblings: true,
    init: () => ({ expanded: 0 }),
    select(state, view) {
      const open = view.nodes.find((node) => node.status === "open" && node.depth < view.maxDepth);
      return {
        state,
        selection: open ? { kind: "expand", ids: [open.id], branching } : { kind: "stop" },
      };
    },
    update: (state) => ({ state: { expanded: state.expanded + 1 } }),
  }),
});

/** Scores a state by how many letters its step has, and keeps the scope it was given. */
function createLengthEvaluator() {
  const scopes: SearchScope[] = [];
  const plugin = defineEvaluator({
    name: "length",
    description: "longer steps score higher, for tests",
    options: z.strictObject({ scale: z.number().positive().default(20) }),
    create: ({ scale }) => ({
      name: "length",
      async evaluate(scope, targets) {
        scopes.push(scope);
        const results = new Map<number, Evaluation>();
        for (const { id } of targets) {
          const value = Math.min(1, scope.node(id).text.length / scale);
          results.set(id, { value, scores: [{ source: "heuristic", value }] });
        }
        return results;
      },
    }),
  });
  return { plugin, scopes };
}

async function optionError(run: () => Promise<unknown>): Promise<DeliberateError> {
  const error = await run().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DeliberateError);
  return error as DeliberateError;
}

describe("plug-ins", () => {
  it("runs a strategy of one's own by name, with its options checked and kept in the tree", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      plugins: [firstOpen],
      strategy: { name: "first-open", branching: 2 },
    });
    expect(result.tree.strategy).toBe("first-open");
    expect(result.tree.plugins?.strategy).toEqual({
      name: "first-open",
      options: { branching: 2 },
    });
    expect(result.tree.plugins?.evaluator).toEqual({ name: "value" });
    expect(result.answer).toBeDefined();
  });

  it("rejects a bad option of a plug-in, naming the field", async () => {
    const error = await optionError(() =>
      think(createGraphTask(trapGraph), {
        model: createGraphModel(trapGraph),
        plugins: [firstOpen],
        strategy: { name: "first-open", branching: 99 },
      }),
    );
    expect(error.code).toBe("INVALID_OPTION");
    expect(error.field).toBe("strategy.branching");
  });

  it("rejects a plug-in's name that was not given in plugins", async () => {
    const error = await optionError(() =>
      think(createGraphTask(trapGraph), {
        model: createGraphModel(trapGraph),
        // @ts-expect-error: "first-open" is not a plug-in of this call
        strategy: { name: "first-open" },
      }),
    );
    expect(error.field).toBe("strategy.name");
    expect(error.message).toContain('expected one of "anytime", "beam"');
  });

  it("refuses a plug-in that takes a built-in's name", async () => {
    const impostor = defineStrategy({ ...firstOpen, name: "beam" });
    const error = await optionError(() =>
      think(createGraphTask(trapGraph), {
        model: createGraphModel(trapGraph),
        plugins: [impostor],
      }),
    );
    expect(error.field).toBe("plugins.0");
    expect(error.message).toContain("taken by a built-in strategy");
  });

  it("takes a plug-in itself as the option, with its defaults", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy: firstOpen,
    });
    expect(result.tree.plugins?.strategy).toEqual({ name: "first-open" });
  });

  it("gives an evaluator a read-only scope without the engine's gate or recorder", async () => {
    const { plugin, scopes } = createLengthEvaluator();
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      plugins: [plugin],
      strategy: { name: "beam", width: 2, branching: 2 },
      evaluator: { name: "length", scale: 10 },
    });
    const scope = scopes[0] as SearchScope;
    expect(scope).toBeDefined();
    expect(Object.isFrozen(scope)).toBe(true);
    expect("gate" in scope).toBe(false);
    expect("tree" in scope).toBe(false);
    expect(scope.modelId).toBe(createGraphModel(trapGraph).id);
    const scored = result.tree.nodes.filter((node) => node.scores?.[0]?.source === "heuristic");
    expect(scored.length).toBeGreaterThan(0);
    expect(result.tree.plugins?.evaluator).toEqual({ name: "length", options: { scale: 10 } });
  });

  it("lets thinkMany name a plug-in too, and refuses plugins that are not a list", async () => {
    const many = await thinkMany([createGraphTask(trapGraph)], {
      model: createGraphModel(trapGraph),
      budget: "5s",
      plugins: [firstOpen],
      strategy: { name: "first-open", branching: 2 },
    });
    expect(many.results[0]?.tree.plugins?.strategy).toEqual({
      name: "first-open",
      options: { branching: 2 },
    });
    const error = await optionError(() =>
      thinkMany([createGraphTask(trapGraph)], {
        model: createGraphModel(trapGraph),
        budget: "5s",
        plugins: firstOpen as never,
      }),
    );
    expect(error.field).toBe("plugins");
    expect(error.message).toContain("expected a list of plug-ins");
  });

  it("validates the options given to create", () => {
    expect(() => beam.create({ width: 0 })).toThrow(/beam: Invalid option `width`/);
    expect(beam.create({ width: 2 }).name).toBe("beam");
  });

  it("refuses a name that is not lowercase words", () => {
    expect(() => defineStrategy({ ...firstOpen, name: "First Open" })).toThrow(DeliberateError);
  });
});

describe("the value evaluator's memory", () => {
  it("asks each model its own judgment of the same prompt", async () => {
    const evaluator = valueEvaluator.create({ probabilities: false });
    const asked: string[] = [];
    const modelNamed = (id: string) => {
      const inner = createGraphModel(trapGraph);
      return {
        ...inner,
        id,
        generate: (request: Parameters<typeof inner.generate>[0]) => {
          if (request.segments[0]?.text.startsWith("value of")) asked.push(id);
          return inner.generate(request);
        },
      };
    };
    const options = { strategy: { name: "beam", width: 2, branching: 2 }, evaluator } as const;
    await think(createGraphTask(trapGraph), { model: modelNamed("a"), ...options });
    const askedOfA = asked.length;
    await think(createGraphTask(trapGraph), { model: modelNamed("b"), ...options });
    expect(askedOfA).toBeGreaterThan(0);
    expect(asked.filter((id) => id === "b")).toHaveLength(askedOfA);
  });
});
