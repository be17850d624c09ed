import { think } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { createGraphModel, createGraphTask, trapGraph } from "./helpers/graph-task.js";

const strategy = { name: "beam" as const, width: 2, branching: 2 };

describe("faults", () => {
  it("marks unparseable output invalid, keeps the raw text, and searches on", async () => {
    const model = createGraphModel(trapGraph, { garbage: { left: "<<not a move>>" } });
    const result = await think(createGraphTask(trapGraph), { model, strategy });
    const invalid = result.tree.nodes.filter((node) => node.status === "invalid");
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid[0]?.raw).toBe("<<not a move>>");
    expect(invalid[0]?.reason).toMatch(/not a move/);
    expect(result.answer).toBe("42");
  });

  it("retries a call that throws once and goes on", async () => {
    const model = createGraphModel(trapGraph, {
      fault: (call) => (call === 0 ? "throw" : undefined),
    });
    const result = await think(createGraphTask(trapGraph), { model, strategy, retries: 1 });
    expect(result.answer).toBe("42");
    expect(result.tree.nodes.some((node) => node.status === "failed")).toBe(false);
  });

  it("marks the node failed when every retry throws, and the search never crashes", async () => {
    const model = createGraphModel(trapGraph, {
      fault: (_call, prompt) => (prompt === "expand left" ? "throw" : undefined),
    });
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy: { name: "beam", width: 2, branching: 2 },
      retries: 2,
    });
    const left = result.tree.nodes.find((node) => node.text === "left");
    expect(left?.status).toBe("failed");
    expect(left?.reason).toMatch(/scripted failure/);
    expect(result.answer).toBe("42");
  });

  it("abandons a call that never answers after the call timeout", async () => {
    const model = createGraphModel(trapGraph, {
      fault: (call) => (call === 0 ? "hang" : undefined),
    });
    const result = await think(createGraphTask(trapGraph), {
      model,
      strategy,
      callTimeout: 50,
      retries: 1,
    });
    expect(result.answer).toBe("42");
  });

  it("stops as failed, with the error, when every model call fails", async () => {
    const model = createGraphModel(trapGraph, { fault: () => "throw" });
    const result = await think(createGraphTask(trapGraph), { model, strategy, retries: 0 });
    expect(result.stopReason).toBe("failed");
    expect(result.error).toMatch(/scripted failure/);
    expect(result.tree.nodes[0]?.status).toBe("failed");
  });

  it("treats an empty reply as an invalid step", async () => {
    const model = createGraphModel(trapGraph, {
      fault: (call) => (call === 0 ? "empty" : undefined),
    });
    const result = await think(createGraphTask(trapGraph), { model, strategy });
    expect(result.tree.nodes.filter((node) => node.status === "invalid").length).toBeGreaterThan(0);
  });

  it("marks a step invalid when the task itself throws reading it", async () => {
    const task = {
      ...createGraphTask(trapGraph),
      applyStep: () => {
        throw new Error("parser bug");
      },
    };
    const result = await think(task, { model: createGraphModel(trapGraph), strategy });
    expect(result.tree.nodes.slice(1).every((node) => node.status === "invalid")).toBe(true);
    expect(result.tree.nodes[1]?.reason).toMatch(/parser bug/);
    expect(result.stopReason).toBe("exhausted");
  });
});
