import { SearchTree, type TreeNode } from "@deliberate/core/tree";
import { describe, expect, it } from "vitest";
import { createLiveLog } from "../src/live/live-log.js";
import { sampleTree } from "../src/testing/index.js";

const tree = sampleTree({ nodes: 10, seed: 2 });
const beginning = {
  ...tree,
  nodes: tree.nodes.slice(0, 1),
  events: [],
  bestPath: undefined,
  stopReason: undefined,
};

describe("createLiveLog", () => {
  it("starts from the given tree with no messages to replay", () => {
    const log = createLiveLog(tree);
    expect(log.messages).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(log.snapshot()))).toEqual(JSON.parse(JSON.stringify(tree)));
  });

  it("keeps a placeholder for a created event that came without its node", () => {
    const log = createLiveLog(beginning);
    log.record({ type: "created", seq: 0, t: 5, id: 1, parent: 0 });
    expect(log.snapshot().nodes[1]).toMatchObject({
      id: 1,
      parent: 0,
      depth: 1,
      text: "",
      status: "open",
    });
    log.record({ type: "status", seq: 1, t: 6, id: 1, status: "pruned", reason: "weak" });
    const message = JSON.parse(log.messages[1] ?? "");
    expect(message.node).toMatchObject({ id: 1, status: "pruned", reason: "weak" });
  });

  it("copies node snapshots, so later changes by the engine are not half-sent", () => {
    const log = createLiveLog(beginning);
    const node = structuredClone(tree.nodes[1]) as TreeNode;
    log.record({ type: "created", seq: 0, t: 1, id: 1, parent: 0 }, node);
    node.text = "changed afterwards";
    expect(log.snapshot().nodes[1]?.text).toBe(tree.nodes[1]?.text);
  });

  it("ignores events at or below the last seq it recorded", () => {
    const log = createLiveLog(beginning);
    for (const event of tree.events.slice(0, 4)) log.record(event);
    expect(log.record(tree.events[1] as (typeof tree.events)[number])).toEqual([]);
    expect(log.messages).toHaveLength(4);
  });

  it("gives a snapshot the core schema accepts after a sync", () => {
    const log = createLiveLog(beginning);
    log.sync(tree);
    expect(SearchTree.parse(log.snapshot()).nodes).toHaveLength(tree.nodes.length);
    expect(log.snapshot().bestPath).toEqual(tree.bestPath);
    expect(log.sync(tree)).toEqual([]);
  });
});

describe("createLiveLog scoring", () => {
  it("adds the scores of each scored event to the node, as the engine does", () => {
    const log = createLiveLog(beginning);
    log.record({ type: "created", seq: 0, t: 1, id: 1, parent: 0 });
    log.record({
      type: "scored",
      seq: 1,
      t: 2,
      id: 1,
      score: 0.6,
      scores: [{ source: "value", value: 0.6 }],
    });
    log.record({
      type: "scored",
      seq: 2,
      t: 3,
      id: 1,
      score: 1,
      scores: [{ source: "verifier", value: 1 }],
    });
    const node = log.snapshot().nodes[1];
    expect(node?.score).toBe(1);
    expect(node?.scores.map((score) => score.source)).toEqual(["value", "verifier"]);
  });
});
