import { link, mkdtemp, open, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Result } from "@deliberate/core";
import {
  DeliberateError,
  loadTree,
  parseTree,
  replayTree,
  saveTree,
  think,
} from "@deliberate/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

let result: Result;
let dir: string;

beforeAll(async () => {
  result = await think(createGraphTask(trapGraph), {
    model: createGraphModel(trapGraph),
    strategy: { name: "beam", width: 2, branching: 2 },
  });
  dir = await mkdtemp(join(tmpdir(), "deliberate-tree-"));
});

describe("tree files", () => {
  it("saves and loads a tree unchanged", async () => {
    const path = join(dir, "tree.json");
    await saveTree(path, result.tree);
    expect(await loadTree(path)).toEqual(JSON.parse(JSON.stringify(result.tree)));
  });

  it("writes atomically, leaving no temporary file behind", async () => {
    const path = join(dir, "atomic.json");
    const first = { ...result.tree, question: "the first tree" };
    await saveTree(path, first);
    // A reader that opened the file before the next save, and a hard link to it, keep the first
    // tree whole: the new tree is written to a new file and renamed over the name. Writing in
    // place (a plain writeFile) would truncate the very file they hold and show them the second.
    const reader = await open(path, "r");
    await link(path, join(dir, "atomic-link"));
    const before = (await stat(path)).ino;
    try {
      await saveTree(path, result.tree);
      expect((await stat(path)).ino).not.toBe(before);
      expect(JSON.parse(await reader.readFile("utf8"))).toEqual(JSON.parse(JSON.stringify(first)));
      expect((await loadTree(join(dir, "atomic-link"))).question).toBe("the first tree");
      expect(await loadTree(path)).toEqual(JSON.parse(JSON.stringify(result.tree)));
    } finally {
      await reader.close();
    }
    expect((await readdir(dir)).filter((name) => name.includes("atomic")).sort()).toEqual([
      "atomic-link",
      "atomic.json",
    ]);
  });

  it("names the file and the problem for a file that is not JSON", async () => {
    const path = join(dir, "broken.json");
    await writeFile(path, '{"format": "deliberate.tree", "nodes": [');
    await expect(loadTree(path)).rejects.toThrow(/broken\.json is not JSON/);
  });

  it("names the field of a tree that breaks the schema", async () => {
    const bad = { ...result.tree, nodes: [{ ...result.tree.nodes[0], depth: "deep" }] };
    expect(() => parseTree(bad)).toThrow(/nodes\.0\.depth/);
  });

  it("refuses a tree of another format version", () => {
    expect(() => parseTree({ ...result.tree, version: 99 })).toThrow(
      /format version 1, got version 99/,
    );
  });

  it("refuses a node whose parent comes after it", () => {
    const nodes = result.tree.nodes.map((node) => ({ ...node }));
    (nodes[1] as { parent: number }).parent = 5;
    expect(() => parseTree({ ...result.tree, nodes })).toThrow(/node 1 has parent 5/);
  });

  it("refuses a node whose depth is not its parent's plus one", () => {
    const nodes = result.tree.nodes.map((node) => ({ ...node }));
    (nodes[1] as { depth: number }).depth = 3;
    expect(() => parseTree({ ...result.tree, nodes })).toThrow(DeliberateError);
  });

  it("ignores keys that would pollute prototypes", () => {
    const hostile = JSON.parse(
      JSON.stringify(result.tree).replace('"format"', '"__proto__":{"polluted":true},"format"'),
    );
    const tree = parseTree(hostile);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(tree)).toBe(Object.prototype);
  });
});

describe("replayTree", () => {
  it("rebuilds the final tree from the event log alone", () => {
    const replayed = replayTree(result.tree, Number.POSITIVE_INFINITY);
    expect(replayed.map((node) => [node.id, node.status, node.score, node.reason])).toEqual(
      result.tree.nodes.map((node) => [node.id, node.status, node.score, node.reason]),
    );
  });

  it("shows only the root before the first node is created", () => {
    const firstCreated = result.tree.events.find((event) => event.type === "created");
    expect(replayTree(result.tree, (firstCreated?.seq ?? 1) - 1)).toHaveLength(1);
  });

  it("shows a node as open before its pruning event", () => {
    const pruning = result.tree.events.find(
      (event) => event.type === "status" && event.status === "pruned",
    );
    if (pruning?.type !== "status") throw new Error("the run pruned nothing");
    expect(replayTree(result.tree, pruning.seq - 1)[pruning.id]?.status).not.toBe("pruned");
    expect(replayTree(result.tree, pruning.seq)[pruning.id]?.status).toBe("pruned");
  });

  it("replays a tree read back from disk without a model", async () => {
    const path = join(dir, "replay.json");
    await saveTree(path, result.tree);
    const loaded = parseTree(JSON.parse(await readFile(path, "utf8")));
    expect(replayTree(loaded, Number.POSITIVE_INFINITY)).toHaveLength(result.tree.nodes.length);
  });
});
