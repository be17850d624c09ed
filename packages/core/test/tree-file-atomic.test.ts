import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTree, type Result, saveTree, think } from "@deliberate/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

// A disk that fills up halfway through the next write: half the bytes land, then ENOSPC.
const disk = vi.hoisted(() => ({ full: false, seenDuringWrite: undefined as string | undefined }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...fs,
    writeFile: async (...args: Parameters<typeof fs.writeFile>) => {
      if (!disk.full) return fs.writeFile(...args);
      const [file, data] = args;
      await fs.writeFile(file, String(data).slice(0, String(data).length / 2));
      disk.seenDuringWrite = await fs.readFile(target, "utf8");
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
  };
});

let dir: string;
let target: string;
let first: Result;
let second: Result;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "deliberate-atomic-"));
  target = join(dir, "tree.json");
  const task = createGraphTask(trapGraph);
  first = await think(task, { model: createGraphModel(trapGraph), strategy: "greedy" });
  second = await think(task, {
    model: createGraphModel(trapGraph),
    strategy: { name: "beam", width: 2, branching: 2 },
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("saveTree on a disk that fills up mid-write", () => {
  it("keeps the previous tree.json whole, readable at every moment, and leaves no temporary file", async () => {
    await saveTree(target, first.tree);
    const before = await readFile(target, "utf8");
    disk.full = true;
    await expect(saveTree(target, second.tree)).rejects.toMatchObject({ code: "ENOSPC" });
    disk.full = false;
    // While the half-written bytes sat on disk, tree.json was still the previous tree.
    expect(disk.seenDuringWrite).toBe(before);
    expect(await readFile(target, "utf8")).toBe(before);
    expect(await loadTree(target)).toEqual(JSON.parse(before));
    expect(await readdir(dir)).toEqual(["tree.json"]);
  });
});
