import { mkdtempSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SearchSnapshot } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import type { ThinkFlags } from "../src/options/think-flags.js";
import {
  CHECKPOINT_FORMAT,
  type CheckpointFile,
  findCheckpointPath,
  readCheckpoint,
  writeCheckpoint,
} from "../src/run/checkpoint-file.js";
import { pickSearchFlags } from "../src/run/step-checkpoints.js";
import { pickTaskFlags } from "../src/tasks/task-catalog.js";

const flags: ThinkFlags = {
  model: "synthetic:tiny",
  think: 30_000,
  strategy: "beam",
  width: 3,
  seed: 4,
  threads: 1,
  json: true,
  save: "tree.json",
  html: "tree.html",
  verbose: true,
  checkpointEvery: 2,
};

function sampleCheckpoint(): CheckpointFile {
  return {
    format: CHECKPOINT_FORMAT,
    version: 1,
    origin: { kind: "task", task: "game24", input: "4 9 10 13", taskFlags: { profile: "compact" } },
    flags: pickSearchFlags(flags),
    defaults: { evaluator: "verifier" },
    snapshot: { format: "deliberate.search", version: 1 } as unknown as SearchSnapshot,
  };
}

describe("the checkpoint file", () => {
  it("lives beside the tree, named after it", () => {
    expect(findCheckpointPath("/runs/tree.json")).toBe("/runs/tree.checkpoint.json");
    expect(findCheckpointPath("/runs/search")).toBe("/runs/search.checkpoint.json");
  });

  it("keeps the flags that shape the search, not those of the output or the task", () => {
    expect(pickSearchFlags({ ...flags, profile: "paper" } as ThinkFlags)).toEqual({
      model: "synthetic:tiny",
      think: 30_000,
      strategy: "beam",
      width: 3,
      seed: 4,
      threads: 1,
      checkpointEvery: 2,
    });
    expect(pickTaskFlags({ profile: "compact", ...({ seed: 1 } as object) })).toEqual({
      profile: "compact",
    });
  });

  it("is written atomically and read back as it was", async () => {
    const dir = mkdtempSync(join(tmpdir(), "deliberate-checkpoint-"));
    const path = join(dir, "tree.checkpoint.json");
    await writeCheckpoint(path, sampleCheckpoint());
    expect(readdirSync(dir)).toEqual(["tree.checkpoint.json"]);
    expect(await readCheckpoint(path)).toEqual(sampleCheckpoint());
    expect(await readCheckpoint(join(dir, "none.checkpoint.json"))).toBeUndefined();
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    [
      "another format",
      JSON.stringify({ format: "deliberate.tree", version: 1 }),
      /expected format/,
    ],
    ["another version", JSON.stringify({ ...sampleCheckpoint(), version: 2 }), /version 1, got 2/],
    [
      "an origin of neither kind",
      JSON.stringify({ ...sampleCheckpoint(), origin: { kind: "file" } }),
      /expected an origin/,
    ],
    ["no snapshot", JSON.stringify({ ...sampleCheckpoint(), snapshot: null }), /a snapshot/],
  ])("refuses %s as corrupt, naming the file and what to do", async (_what, text, problem) => {
    const path = join(mkdtempSync(join(tmpdir(), "deliberate-checkpoint-")), "x.checkpoint.json");
    await writeFile(path, text);
    const error = await readCheckpoint(path).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`${path}: the checkpoint is corrupt`);
    expect((error as Error).message).toMatch(problem);
    expect((error as Error).message).toContain("delete it and run the search again");
    expect((error as unknown as { exitCode: number }).exitCode).toBe(1);
  });
});
