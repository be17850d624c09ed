import type { LlamaModel } from "@deliberate/llama";
import { loadGame24TestSet } from "@deliberate/tasks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptGame24, type Game24Attempt, loadTinyReasoner } from "../src/index.js";
import { makesExactly24 } from "./support/reference-24.js";

// Measured on the committed model: greedy 1, beam 7, beam with the exact 2-number check 8 of
// these 20 (docs/tiny-reasoner.md). The margin leaves room for llama.cpp's batched decoding to
// round a few samples differently.
const BEAM_MARGIN = 3;

const puzzles = loadGame24TestSet()
  .slice(0, 20)
  .map((testCase) => testCase.puzzle);

describe("the tiny reasoner on 20 ToT test puzzles, through deliberate's engine", () => {
  let model: LlamaModel;
  const greedy: Game24Attempt[] = [];
  const beam: Game24Attempt[] = [];
  const checked: Game24Attempt[] = [];

  beforeAll(async () => {
    model = await loadTinyReasoner({ branches: 4 });
    for (const [index, puzzle] of puzzles.entries()) {
      greedy.push(await attemptGame24(model, puzzle, { name: "greedy" }, index + 1));
      beam.push(
        await attemptGame24(model, puzzle, { name: "beam", width: 5, branching: 5 }, index + 1),
      );
      checked.push(
        await attemptGame24(
          model,
          puzzle,
          { name: "beam", width: 5, branching: 5, check: true },
          index + 1,
        ),
      );
    }
  }, 600_000);
  afterAll(async () => {
    await model?.dispose();
  });

  it("solves clearly more with a ToT beam on its own value judgments than single-pass greedy", () => {
    const solvedByGreedy = greedy.filter((attempt) => attempt.solved).length;
    const solvedByBeam = beam.filter((attempt) => attempt.solved).length;
    expect(solvedByBeam).toBeGreaterThanOrEqual(solvedByGreedy + BEAM_MARGIN);
    expect(solvedByBeam).toBeGreaterThanOrEqual(2 * solvedByGreedy);
  });

  it("never calls an answer solved that an independent exact check rejects, nor the reverse", () => {
    // The engine's claim (verified, stopReason "solved") against this test's own rational
    // evaluator, not against game24Check, which the engine's verifier itself calls.
    const runs = [...greedy, ...beam, ...checked];
    expect(runs).toHaveLength(3 * puzzles.length);
    for (const attempt of runs) {
      const exact = makesExactly24(attempt.answer, attempt.puzzle);
      const label = `${attempt.puzzle.join(" ")} → ${attempt.answer}`;
      expect(attempt.claimed, label).toBe(exact);
      expect(attempt.stopReason === "solved", label).toBe(exact);
      expect(attempt.solved, label).toBe(exact);
    }
    // Both sides of the comparison occur, so neither half of it is vacuous.
    expect(runs.filter((attempt) => attempt.claimed).length).toBeGreaterThan(0);
    expect(
      runs.filter((attempt) => attempt.answer !== undefined && !attempt.claimed).length,
    ).toBeGreaterThan(0);
  });
});
