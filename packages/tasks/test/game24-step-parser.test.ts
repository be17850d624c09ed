import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyGame24Move,
  createGame24State,
  formatGame24Step,
  type Game24State,
  listGame24Moves,
  matchGame24Step,
  parseGame24Step,
} from "../src/index.js";

const puzzle = fc.array(fc.integer({ min: 0, max: 13 }), { minLength: 2, maxLength: 4 });

// A state reached by a random number of random legal moves, so fractions and negatives show up.
const state = fc.tuple(puzzle, fc.array(fc.nat(), { maxLength: 2 })).map(([numbers, picks]) => {
  let current: Game24State = createGame24State(numbers);
  for (const pick of picks) {
    const moves = listGame24Moves(current);
    if (current.left.length < 3 || moves.length === 0) break;
    current = applyGame24Move(current, moves[pick % moves.length] as (typeof moves)[number]);
  }
  return current;
});

describe("parseGame24Step (properties)", () => {
  it("reads back every legal move it writes, in both profiles", () => {
    fc.assert(
      fc.property(
        state,
        fc.nat(),
        fc.constantFrom("paper" as const, "compact" as const),
        (s, pick, profile) => {
          const moves = listGame24Moves(s);
          fc.pre(moves.length > 0);
          const move = moves[pick % moves.length] as (typeof moves)[number];
          const matched = matchGame24Step(formatGame24Step(s, move, profile), s);
          expect(matched).not.toHaveProperty("error");
          if ("error" in matched) return;
          expect(applyGame24Move(s, matched).left.map((n) => n.value)).toEqual(
            applyGame24Move(s, move).left.map((n) => n.value),
          );
        },
      ),
      { numRuns: 300, seed: 24 },
    );
  });

  it("never throws on any text and rejects a wrong result", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), state, (text, s) => {
        const outcome = matchGame24Step(text, s);
        expect(outcome).toBeTypeOf("object");
      }),
      { numRuns: 1000, seed: 5 },
    );
    fc.assert(
      fc.property(state, fc.integer({ min: 1, max: 50 }), (s, delta) => {
        const move = listGame24Moves(s)[0];
        fc.pre(move !== undefined && /^-?\d+$/.test(move.result));
        if (move === undefined) return;
        const wrong = { ...move, result: String(Number(move.result) + delta) };
        const text = formatGame24Step(s, wrong, "paper").replace(/ \(left:.*$/, "");
        expect(matchGame24Step(text, s)).toHaveProperty("error");
      }),
      { numRuns: 200, seed: 6 },
    );
  });
});

describe("parseGame24Step", () => {
  it("reads the common ways a model writes a step", () => {
    for (const text of [
      "13 - 9 = 4",
      "13-9=4 | 4 4 10",
      "1. 13 − 9 = 4",
      "13 × 2 = 26 (left: 26)",
      "(7/3) * 3 = 7",
      "10 - -6 = 16",
    ]) {
      expect(parseGame24Step(text), text).not.toHaveProperty("error");
    }
    expect(parseGame24Step("8 / 3 = 2.67")).toMatchObject({ result: { num: 267n, den: 100n } });
  });

  it("refuses text that is not one step", () => {
    for (const text of [
      "13 - 9",
      "13 - 9 = 4 = 4",
      "7/3*3=7",
      "thirteen minus nine",
      "13 - 9 = 4; drop table",
      "1".repeat(300),
    ]) {
      expect(parseGame24Step(text), text).toHaveProperty("error");
    }
  });
});
