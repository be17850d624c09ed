import { createSearch, type SearchSnapshot, think } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

const strategy = { name: "beam" as const, width: 2, branching: 2 };

describe("checkpoints", () => {
  it("saves a snapshot every N steps, between steps", async () => {
    const saved: SearchSnapshot[] = [];
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      checkpoint: { every: 2, save: (snapshot) => void saved.push(snapshot) },
    });
    const steps = result.tree.events.filter((event) => event.type === "selected").length;
    expect(saved.map((snapshot) => snapshot.steps)).toEqual(
      Array.from({ length: Math.floor(steps / 2) }, (_, i) => 2 * (i + 1)),
    );
    expect(result.tree.events.filter((event) => event.type === "checkpoint")).toHaveLength(
      saved.length,
    );
  });

  it("keeps a checkpoint unchanged by the search that goes on after it", async () => {
    const saved: SearchSnapshot[] = [];
    await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      checkpoint: { every: 1, save: (snapshot) => void saved.push(snapshot) },
    });
    const first = saved[0] as SearchSnapshot;
    expect(first.tree.nodes.length).toBeLessThan(saved.at(-1)?.tree.nodes.length ?? 0);
    expect(first.tree.events.at(-1)?.type).toBe("budget");
  });

  it("resumes from the last checkpoint of a search that died to the answer of an unbroken run", async () => {
    const unbroken = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
    });
    let last: SearchSnapshot | undefined;
    const dying = createSearch(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      checkpoint: {
        every: 1,
        save: (snapshot) => {
          last = snapshot;
          if (snapshot.steps === 2) dying.cancel();
        },
      },
    });
    dying.start();
    await dying.result;
    const revived = createSearch(
      createGraphTask(trapGraph),
      { model: createGraphModel(trapGraph), strategy },
      {
        snapshot: JSON.parse(JSON.stringify(last)),
      },
    );
    revived.start();
    const result = await revived.result;
    expect(result.answer).toBe(unbroken.answer);
    expect(result.tree.nodes.map((node) => node.text)).toEqual(
      unbroken.tree.nodes.map((node) => node.text),
    );
  });

  it("records a save that fails and searches on", async () => {
    const result = await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      checkpoint: { every: 1, save: () => Promise.reject(new Error("disk full")) },
    });
    expect(result.answer).toBe("42");
    const failed = result.tree.events.filter((event) => event.type === "checkpoint" && event.error);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ error: expect.stringContaining("disk full") });
  });

  it("settles the result only after the last checkpoint is written", async () => {
    let written = 0;
    await think(createGraphTask(trapGraph), {
      model: createGraphModel(trapGraph),
      strategy,
      checkpoint: {
        every: 1,
        save: () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              written += 1;
              resolve();
            }, 20),
          ),
      },
    });
    const steps = written;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(written).toBe(steps);
    expect(written).toBeGreaterThan(0);
  });
});
