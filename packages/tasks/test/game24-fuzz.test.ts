import { parseValueWord } from "@deliberate/core/plugins";
import { defaultValueScale, type TaskNode } from "@deliberate/core/task";
import { calculate } from "@deliberate/tools";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyGame24Move,
  createGame24Task,
  extractGame24Answer,
  formatGame24CompactTrace,
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
    "Answer: 4 + 4 = 8\n4 * 6 = 24 (left: 24)\nanswer : (13 - 9) * (10 - 4) = 24\n",
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

/**
 * A compact answer is `expression = value`: the expression uses each puzzle number exactly once,
 * and the exact calculator (not the task's own arithmetic) gives it the value written after it.
 */
function expectExactAnswer(answer: string, numbers: readonly number[]): void {
  const match = /^(.+) = (-?\d+(?:\/\d+)?)$/.exec(answer);
  expect(match, answer).not.toBeNull();
  const [, expression = "", value] = match as RegExpExecArray;
  expect(calculate(expression).exact, answer).toBe(value);
  const used = (expression.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);
  expect(used, answer).toEqual([...numbers].sort((a, b) => a - b));
}

/** A paper answer is one non-empty line of the reply: its last `Answer:` line, else a line with `=`. */
function expectPaperAnswer(answer: string, reply: string): void {
  const lines = reply.split("\n").map((line) => line.trim());
  const answerLines = lines.filter((line) => /^answer\s*:/i.test(line));
  expect(answer).not.toBe("");
  expect(answer).not.toContain("\n");
  if (answerLines.length > 0) {
    expect((answerLines.at(-1) as string).endsWith(answer), answer).toBe(true);
  } else {
    expect(answer).toContain("=");
    expect(lines).toContain(answer);
  }
}

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

  it("extracts a single-pass answer or none from any reply, and any answer is what it claims", () => {
    let answered = 0;
    fc.assert(
      fc.property(puzzle, profile, modelText, (numbers, profile, text) => {
        const answer = extractGame24Answer(text, numbers, profile);
        if (answer === undefined) return;
        answered++;
        if (profile === "compact") expectExactAnswer(answer, numbers);
        else expectPaperAnswer(answer, text);
      }),
      { numRuns: 2000, seed: 26 },
    );
    // The model-like text makes answers often enough for the checks above to mean something.
    expect(answered).toBeGreaterThan(50);
  });

  it("reads back the answer of every legal compact trace, whatever follows the line", () => {
    const trace = fc.tuple(puzzle, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }));
    fc.assert(
      fc.property(trace, modelText, ([numbers, picks], tail) => {
        const start = createGame24Task(numbers).initialState;
        let state = start;
        const moves = picks.map((pick) => {
          const legal = listGame24Moves(state);
          const move = legal[pick % legal.length] as (typeof legal)[number];
          state = applyGame24Move(state, move);
          return move;
        });
        const last = state.left[0] as Game24State["left"][number];
        const written = formatGame24CompactTrace(start, moves);
        const reply = `${written.slice(written.indexOf(" >") + 2)}\n${tail}`;
        const answer = extractGame24Answer(` ${reply}`, numbers, "compact");
        // With equal numbers the replay may build the expression in another order: the value
        // and the numbers used must agree.
        expect(answer?.endsWith(` = ${last.value}`), answer).toBe(true);
        expectExactAnswer(answer as string, numbers);
      }),
      { numRuns: 1000, seed: 27 },
    );
  });
});
