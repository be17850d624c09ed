import { parseValueWord } from "@deliberate/core/plugins";
import { defaultValueScale, type TaskNode } from "@deliberate/core/task";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyGame24Move,
  createGame24Task,
  extractGame24Answer,
  type Game24State,
  listGame24Moves,
} from "../src/index.js";

const puzzle = fc.array(fc.integer({ min: 1, max: 13 }), { minLength: 4, maxLength: 4 });
const profile = fc.constantFrom("paper" as const, "compact" as const);

// Text near what a model writes, so the parsers get past their first check, and plain noise.
const gameAlphabet = fc.constantFrom(..."0123456789 +-*/×÷−=()|:.,\n(left)Answer:sure".split(""));
const modelText = fc.oneof(
  fc.string({ unit: gameAlphabet, maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    "99999999999999999999999 * 99999999999999999999999 = 1",
    "1e308 * 1e308 = Infinity",
    "4 / 0 = 24",
    "NaN + 4 = NaN",
    "__proto__ = 24",
    "(((((((((((((((((((((((((((((((4)))))))))))))))))))))))))))))))",
    "4 + 4 = 8 (left: 8 8 8 8 8 8 8 8 8 8 8 8 8)",
    "Final answer: 24\nAnswer: 4 * 6 = 24",
  ),
);

/** A node reached from a random puzzle by a few random legal moves. */
const node = fc.tuple(puzzle, fc.array(fc.nat(), { maxLength: 3 })).map(([numbers, picks]) => {
  const task = createGame24Task(numbers);
  let state: Game24State = task.initialState;
  let depth = 0;
  for (const pick of picks) {
    const moves = listGame24Moves(state);
    if (state.left.length < 2 || moves.length === 0) break;
    state = applyGame24Move(state, moves[pick % moves.length] as (typeof moves)[number]);
    depth++;
  }
  return { numbers, node: { state, path: [], depth } as TaskNode<Game24State> };
});

describe("Game-of-24 parsing on arbitrary model text (fuzz)", () => {
  it("splits proposals into step lines and applies each without throwing; an invalid step says why", () => {
    fc.assert(
      fc.property(node, profile, modelText, ({ numbers, node }, profile, text) => {
        const task = createGame24Task(numbers, { profile });
        const proposals = task.splitProposals?.(text, node) ?? [];
        for (const line of proposals) {
          expect(line).toContain("=");
          expect(line).not.toContain("\n");
        }
        for (const step of [text, ...proposals]) {
          const outcome = task.applyStep(step, node);
          if (outcome.kind === "invalid") {
            expect(outcome.reason).toMatch(/^expected /);
          } else {
            expect(outcome.state.left.length).toBe(node.state.left.length - 1);
            expect(outcome.kind).toBe(outcome.state.left.length === 1 ? "answer" : "step");
          }
        }
      }),
      { numRuns: 3000, seed: 24 },
    );
  });

  it("reads a value word or nothing, and checks any answer text to 0 or 1", () => {
    fc.assert(
      fc.property(node, modelText, ({ numbers, node }, text) => {
        const value = parseValueWord(text, defaultValueScale);
        if (value !== undefined) expect(defaultValueScale.values).toContain(value);
        const verdict = createGame24Task(numbers).verify?.(node, text);
        expect([0, 1]).toContain(verdict);
      }),
      { numRuns: 2000, seed: 25 },
    );
  });

  it("extracts a single-pass answer or none from any reply", () => {
    fc.assert(
      fc.property(puzzle, profile, modelText, (numbers, profile, text) => {
        const answer = extractGame24Answer(text, numbers, profile);
        if (answer !== undefined) expect(answer).toEqual(expect.any(String));
      }),
      { numRuns: 2000, seed: 26 },
    );
  });
});
