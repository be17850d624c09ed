import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeliberateError, loadTree, parseTree, think } from "@deliberate/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

let valid: string;
let dir: string;

beforeAll(async () => {
  const result = await think(createGraphTask(trapGraph), {
    model: createGraphModel(trapGraph),
    strategy: { name: "beam", width: 2, branching: 2 },
  });
  valid = JSON.stringify(result.tree);
  dir = await mkdtemp(join(tmpdir(), "deliberate-tree-fuzz-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs `read` and says what came of it: a tree, or the code of the DeliberateError it threw. */
function outcome(read: () => unknown): string {
  try {
    read();
    return "tree";
  } catch (error) {
    if (!(error instanceof DeliberateError)) throw error;
    expect(error.message).toMatch(/tree|JSON/);
    return error.code;
  }
}

function nest(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const pollutingKey = fc.constantFrom("__proto__", "constructor", "prototype");
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, "", null, [], {}),
  fc.constantFrom(1000, 20_000).map(nest),
  pollutingKey.map((key) =>
    JSON.parse(`{"${key}":{"polluted":true,"prototype":{"polluted":true}}}`),
  ),
);

/** A copy of the valid tree with one value replaced, deleted, or a polluting key added, at a random place. */
const mutatedTree = fc
  .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.nat(2), hostileValue, pollutingKey)
  .map(([walk, how, value, key]) => {
    const root = JSON.parse(valid) as Record<string, unknown>;
    let holder: Record<string, unknown> = root;
    for (const [step, pick] of walk.entries()) {
      const names = Object.keys(holder);
      if (names.length === 0) break;
      const name = names[pick % names.length] as string;
      const child = holder[name];
      const last = step === walk.length - 1 || typeof child !== "object" || child === null;
      if (!last) {
        holder = child as Record<string, unknown>;
        continue;
      }
      // Own properties, as JSON.parse makes them: assigning `__proto__` would set the prototype.
      if (how === 0)
        Object.defineProperty(holder, name, { value, enumerable: true, writable: true });
      else if (how === 1) delete holder[name];
      else Object.defineProperty(holder, key, { value, enumerable: true, writable: true });
      break;
    }
    return root;
  });

describe("tree files on malformed and hostile input (fuzz)", () => {
  it("parses any JSON value to a tree or an INVALID_TREE error", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true })), (data) => {
        expect(["tree", "INVALID_TREE"]).toContain(outcome(() => parseTree(data)));
      }),
      { numRuns: 1000, seed: 1 },
    );
  });

  it("refuses a tree with a wrong type, a huge number, a missing field or a deep value", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(mutatedTree, (tree) => {
        const result = outcome(() => parseTree(tree));
        expect(["tree", "INVALID_TREE"]).toContain(result);
        seen.add(result);
      }),
      { numRuns: 1500, seed: 2 },
    );
    expect(seen).toEqual(new Set(["tree", "INVALID_TREE"]));
  });

  it("names the file of a truncated or deeply nested tree.json and never crashes", async () => {
    const path = join(dir, "tree.json");
    const texts = fc.oneof(
      fc.nat().map((cut) => valid.slice(0, cut % valid.length)),
      fc.constantFrom(10_000, 200_000).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
      fc.constantFrom(10_000, 200_000).map((depth) => `{"nodes":${"[".repeat(depth)}`),
      fc.constantFrom("", "\u0000", "nul", "{", '{"version":1e999}', "\uFEFF{}", "[1,]"),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        await writeFile(path, text);
        const error = await loadTree(path).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(DeliberateError);
        expect((error as DeliberateError).code).toBe("INVALID_TREE");
        expect((error as DeliberateError).message).toContain(path);
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("leaves every prototype unpolluted", () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
