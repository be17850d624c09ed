import type { SearchEvent } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { createProgressTracker } from "../src/ui/search-progress.js";
import { formatStatusLine } from "../src/ui/status-line.js";

const at = { seq: 0, t: 0 };

describe("createProgressTracker", () => {
  it("follows nodes, depth, best score and tokens from the events", () => {
    const tracker = createProgressTracker();
    const events: SearchEvent[] = [
      { type: "created", ...at, id: 1, parent: 0 },
      { type: "created", ...at, id: 2, parent: 1 },
      { type: "scored", ...at, id: 2, score: 0.8, scores: [] },
      { type: "scored", ...at, id: 1, score: 0.3, scores: [] },
      {
        type: "budget",
        ...at,
        elapsedMs: 500,
        nodes: 3,
        promptTokens: 90,
        generatedTokens: 40,
        calls: 2,
      },
      { type: "restarted", ...at, round: 2, temperature: 1.3 },
    ];
    for (const event of events) tracker.record(event);
    expect(tracker.progress).toEqual({
      nodes: 3,
      depth: 2,
      best: 0.8,
      generatedTokens: 40,
      round: 2,
    });
  });
});

describe("formatStatusLine", () => {
  it("shows elapsed time against the budget as a bar, then nodes, depth, best and tok/s", () => {
    const line = formatStatusLine(
      { nodes: 37, depth: 3, best: 1, generatedTokens: 840, round: 0 },
      4200,
      30_000,
    );
    expect(line).toBe("[██░░░░░░░░░░] 4.20s/30.0s · 37 nodes · depth 3 · best 1.00 · 200 tok/s");
  });

  it("shows the round once the search has restarted", () => {
    const line = formatStatusLine(
      { nodes: 90, depth: 3, best: 1, generatedTokens: 840, round: 2 },
      4200,
      30_000,
    );
    expect(line).toBe(
      "[██░░░░░░░░░░] 4.20s/30.0s · round 2 · 90 nodes · depth 3 · best 1.00 · 200 tok/s",
    );
  });

  it("shows a dash before any score and a full bar past the budget", () => {
    const line = formatStatusLine(
      { nodes: 1, depth: 0, best: undefined, generatedTokens: 0, round: 0 },
      40_000,
      30_000,
    );
    expect(line).toContain("[████████████]");
    expect(line).toContain("best –");
  });
});
