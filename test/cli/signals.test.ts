import { existsSync } from "node:fs";
import { join } from "node:path";
import { loadTree } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { startLongSearch } from "./helpers/long-search.js";
import { makeTempDir } from "./helpers/run-cli.js";

/** Starts a search that would think for a minute, and signals it once it is thinking. */
async function stopMidSearch(signal: NodeJS.Signals, json: boolean) {
  const tree = join(makeTempDir(), "tree.json");
  const cli = await startLongSearch(tree, json ? ["--json"] : []);
  // Mid-search, not at its first step: how far it got by then does not matter.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  cli.child.kill(signal);
  return { run: await cli.done, tree };
}

describe("deliberate stopped by a signal", () => {
  it("prints the best answer so far, saves the tree and exits 130 on SIGINT", async () => {
    const { run, tree } = await stopMidSearch("SIGINT", false);
    expect(run.code, run.stderr).toBe(130);
    expect(run.stderr).toContain("interrupted: stopping the search");
    expect(run.stdout).toMatch(/^(answer: |no answer before the search was stopped)/);
    expect(run.stdout).toContain("stopped: cancelled");
    const saved = await loadTree(tree);
    expect(saved.stopReason).toBe("cancelled");
    expect(saved.question).toBe("Name a prime number above 10.");
  });

  it("exits 143 on SIGTERM with the result as JSON", async () => {
    const { run, tree } = await stopMidSearch("SIGTERM", true);
    expect(run.code, run.stderr).toBe(143);
    expect(JSON.parse(run.stdout)).toMatchObject({ stopReason: "cancelled", signal: "SIGTERM" });
    expect((await loadTree(tree)).stopReason).toBe("cancelled");
  });

  it("leaves the last checkpoint of the tree when killed outright (SIGKILL)", async () => {
    const tree = join(makeTempDir(), "tree.json");
    const cli = await startLongSearch(tree);
    while (!existsSync(tree)) await new Promise((resolve) => setTimeout(resolve, 200));
    cli.child.kill("SIGKILL");
    const run = await cli.done;
    expect(run.signal).toBe("SIGKILL");
    const saved = await loadTree(tree);
    expect(saved.question).toBe("Name a prime number above 10.");
  });
});
