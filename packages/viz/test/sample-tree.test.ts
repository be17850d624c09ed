import { SearchTree } from "@deliberate/core/tree";
import { describe, expect, it } from "vitest";
import { sampleTree } from "../src/testing/index.js";

describe("sampleTree", () => {
  it("generates a tree that the core schema accepts", () => {
    const tree = sampleTree({ nodes: 500, seed: 9 });
    expect(SearchTree.parse(tree)).toBeTruthy();
    expect(tree.nodes).toHaveLength(500);
    expect(tree.nodes.every((node, index) => node.id === index)).toBe(true);
  });

  it("gives the same tree for the same seed", () => {
    expect(sampleTree({ nodes: 50, seed: 3 })).toEqual(sampleTree({ nodes: 50, seed: 3 }));
  });

  it("logs one created event per node but the root, in seq order", () => {
    const tree = sampleTree({ nodes: 200 });
    expect(tree.events.filter((event) => event.type === "created")).toHaveLength(199);
    expect(tree.events.every((event, index) => event.seq === index)).toBe(true);
  });

  it("covers every status and ends its best path at the root's descendant", () => {
    const tree = sampleTree({ nodes: 400, seed: 2 });
    const statuses = new Set(tree.nodes.map((node) => node.status));
    expect([...statuses].sort()).toEqual([
      "expanded",
      "failed",
      "invalid",
      "open",
      "pruned",
      "terminal",
    ]);
    expect(tree.bestPath?.[0]).toBe(0);
  });
});
