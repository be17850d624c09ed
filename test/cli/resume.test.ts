import { existsSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSearch, loadTree, type SearchSnapshot } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import { LONG_QUESTION, startLongSearch } from "./helpers/long-search.js";
import { makeTempDir, runCli } from "./helpers/run-cli.js";

interface Checkpoint {
  readonly format: string;
  readonly origin: { kind: string; question?: string; task?: string };
  readonly snapshot: SearchSnapshot;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the long search with a node budget, SIGKILLs it once a checkpoint is on disk. */
async function killAfterCheckpoint(tree: string, checkpoint: string): Promise<Checkpoint> {
  const cli = await startLongSearch(tree, ["--nodes", "16", "--checkpoint-every", "1"]);
  while (!existsSync(checkpoint)) await sleep(50);
  cli.child.kill("SIGKILL");
  const run = await cli.done;
  expect(run.signal, run.stderr).toBe("SIGKILL");
  // Read after the kill: the file is whole (written atomically), and no later one can land.
  return JSON.parse(readFileSync(checkpoint, "utf8")) as Checkpoint;
}

describe("deliberate resume", () => {
  it("goes on with a search killed by SIGKILL from its last checkpoint, to the end", async () => {
    const dir = makeTempDir();
    const tree = join(dir, "tree.json");
    const checkpointPath = join(dir, "tree.checkpoint.json");
    const before = await killAfterCheckpoint(tree, checkpointPath);
    expect(before.format).toBe("deliberate.checkpoint");
    expect(before.origin).toEqual({ kind: "question", question: LONG_QUESTION });
    expect(before.snapshot.steps).toBeGreaterThanOrEqual(1);

    const run = await runCli(["resume", tree, "--json"]);
    expect([0, 3], run.stderr).toContain(run.code);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ question: LONG_QUESTION, stopReason: "budget", limit: "nodes" });
    expect(result.files.tree).toBe(tree);
    // The counters go on from the checkpoint's, not from zero.
    expect(result.usage.calls).toBeGreaterThan(before.snapshot.meter.calls);
    expect(result.usage.nodes).toBe(16);

    const after = await loadTree(tree);
    expect(after.stopReason).toBe("budget");
    const kept = after.nodes.slice(0, before.snapshot.tree.nodes.length);
    expect(kept.map(({ id, parent, text }) => ({ id, parent, text }))).toEqual(
      before.snapshot.tree.nodes.map(({ id, parent, text }) => ({ id, parent, text })),
    );
    expect(after.nodes.length).toBeGreaterThan(before.snapshot.tree.nodes.length);
    expect(after.events.some((event) => event.type === "resumed")).toBe(true);
    const steps = after.events.flatMap((event) =>
      event.type === "checkpoint" ? [event.steps] : [],
    );
    expect(Math.min(...steps)).toBeGreaterThan(before.snapshot.steps);
    // A finished search leaves no checkpoint behind; resuming it again says it is finished.
    expect(existsSync(checkpointPath)).toBe(false);
    const again = await runCli(["resume", tree]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain("the search already finished (budget): nothing to resume");
  });

  it("goes on with a search stopped by SIGINT, whose saved tree says cancelled", async () => {
    const dir = makeTempDir();
    const tree = join(dir, "tree.json");
    const cli = await startLongSearch(tree, ["--nodes", "12"]);
    while (!existsSync(join(dir, "tree.checkpoint.json"))) await sleep(50);
    cli.child.kill("SIGINT");
    expect((await cli.done).code).toBe(130);
    expect((await loadTree(tree)).stopReason).toBe("cancelled");
    const run = await runCli(["resume", tree]);
    expect([0, 3], run.stderr).toContain(run.code);
    expect(run.stderr).toContain(`resuming ${tree} after step`);
    expect(run.stdout).toContain("stopped: budget");
    expect((await loadTree(tree)).nodes).toHaveLength(12);
  });

  it("refuses a tree without a checkpoint with exit 2, naming the file and what to do", async () => {
    const dir = makeTempDir();
    const tree = join(dir, "tree.json");
    await writeFile(tree, JSON.stringify(minimalTree()));
    const run = await runCli(["resume", tree]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${tree}: no checkpoint to resume from`);
    expect(run.stderr).toContain("Run the search again with --save");
    const missing = await runCli(["resume", join(dir, "nowhere.json")]);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toContain("no such file, and no checkpoint beside it");
  });

  it("refuses a corrupt checkpoint (exit 1) and one of an unknown task (exit 2)", async () => {
    const dir = makeTempDir();
    const tree = join(dir, "tree.json");
    const checkpoint = join(dir, "tree.checkpoint.json");
    await writeFile(checkpoint, '{"format": "deliberate.checkpoint", "vers');
    const corrupt = await runCli(["resume", tree]);
    expect(corrupt.code, corrupt.stderr).toBe(1);
    expect(corrupt.stderr).toContain(`${checkpoint}: the checkpoint is corrupt (not JSON`);
    expect(corrupt.stderr).toContain("delete it and run the search again");

    const unknown = {
      format: "deliberate.checkpoint",
      version: 1,
      origin: { kind: "task", task: "chess", input: "e4", taskFlags: {} },
      flags: { model: "synthetic:tiny", think: 1000, strategy: "beam", seed: 0, threads: 1 },
      defaults: {},
      snapshot: { format: "deliberate.search", version: 1, tree: minimalTree() },
    };
    await writeFile(checkpoint, JSON.stringify(unknown));
    const run = await runCli(["resume", tree]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(
      `${checkpoint}: the checkpoint is of a task this deliberate cannot rebuild`,
    );
    expect(run.stderr).toContain('got "chess"');
  });
});

/** A valid tree of one node: a search created but never started, as a user's own code saves it. */
function minimalTree() {
  return createSearch(LONG_QUESTION, { model: createScriptedModel({ rules: [] }) }).tree();
}
