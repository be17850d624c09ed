import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createSearch, think } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { countingOptions, countingTask } from "./fixtures/counting-search.js";

const run = promisify(execFile);

describe("a paused search", () => {
  it("resumes in another process from its saved snapshot to the result of an uninterrupted run", async () => {
    const uninterrupted = await think(countingTask, countingOptions());
    const search = createSearch(countingTask, countingOptions(10));
    search.start();
    await new Promise((resolve) => setTimeout(resolve, 15));
    const snapshot = await search.pause();
    search.cancel();
    expect(snapshot.tree.nodes.length).toBeLessThan(uninterrupted.tree.nodes.length);
    const file = join(await mkdtemp(join(tmpdir(), "deliberate-snapshot-")), "search.json");
    await writeFile(file, JSON.stringify(snapshot));
    const { stdout } = await run(
      process.execPath,
      [
        "--conditions=@deliberate/source",
        "--import",
        "tsx",
        join(import.meta.dirname, "fixtures/resume-search.ts"),
        file,
      ],
      { cwd: join(import.meta.dirname, "../.."), timeout: 60_000 },
    );
    const resumed = JSON.parse(stdout);
    expect(resumed.answer).toBe("3");
    expect(resumed.answer).toBe(uninterrupted.answer);
    expect(resumed.tree.nodes.map((node: { text: string }) => node.text)).toEqual(
      uninterrupted.tree.nodes.map((node) => node.text),
    );
  });
});
