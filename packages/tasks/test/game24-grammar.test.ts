import { calculate } from "@deliberate/tools";
import { describe, expect, it } from "vitest";
import {
  applyGame24Step,
  buildGame24Grammar,
  createGame24State,
  type Game24State,
  listGame24StepTexts,
  parseGame24Step,
  quoteGbnf,
} from "../src/index.js";
import { matchesGbnf, parseGbnf } from "./support/gbnf.js";

function operand(value: string): string {
  return /^\d+$/.test(value) ? value : `(${value})`;
}

// The legal moves, worked out here independently of the task's move list: every ordered pair of
// distinct positions, every operator, evaluated by the calculator.
function bruteForceSteps(state: Game24State): Set<string> {
  const values = state.left.map((n) => n.value);
  const steps = new Set<string>();
  values.forEach((a, i) => {
    values.forEach((b, j) => {
      if (i === j) return;
      for (const op of ["+", "-", "*", "/"]) {
        if (op === "/" && b === "0") continue;
        const result = calculate(`(${a}) ${op} (${b})`).exact;
        const rest = values.filter((_, k) => k !== i && k !== j).concat(result);
        const left = rest.sort((x, y) => Number(calculate(`(${x}) - (${y})`).value.num)).join(" ");
        steps.add(`${operand(a)}${op}${operand(b)}=${result} | ${left}`);
      }
    });
  });
  return steps;
}

const states = [
  createGame24State("4 9 10 13"),
  createGame24State("1 1 1 1"),
  createGame24State("0 5"),
  {
    puzzle: [3, 3, 8, 8],
    left: createGame24State("3 8").left.concat({
      value: "8/3",
      expression: "8 / 3",
      kind: "product" as const,
    }),
  },
];

describe("buildGame24Grammar", () => {
  it("admits exactly the legal steps in the compact format", () => {
    for (const state of states) {
      const grammar = buildGame24Grammar(state, "compact");
      const legal = bruteForceSteps(state);
      for (const step of legal) expect(matchesGbnf(grammar, ` ${step}`), step).toBe(true);
      const literals = [...grammar.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) =>
        (m[1] as string).slice(1),
      );
      expect(new Set(literals)).toEqual(legal);
    }
  });

  it("rejects wrong results, absent numbers, reused numbers and trailing text", () => {
    const grammar = buildGame24Grammar(createGame24State("4 9 10 13"), "compact");
    for (const text of [
      " 13-9=5 | 4 5 10",
      " 5+4=9 | 9 9 10 13",
      " 4*4=16 | 9 10 13 16",
      " 13-9=4 | 4 4 10 ",
      "13-9=4 | 4 4 10",
      " 13-9=4",
    ]) {
      expect(matchesGbnf(grammar, text), text).toBe(false);
    }
  });

  it("gives steps the task accepts as written", () => {
    for (const state of states) {
      for (const profile of ["paper", "compact"] as const) {
        for (const text of listGame24StepTexts(state, profile)) {
          const outcome = applyGame24Step(text, state, profile);
          expect(outcome.kind, text).not.toBe("invalid");
          if (outcome.kind !== "invalid") expect(outcome.thought).toBe(text);
        }
      }
    }
  });

  it("admits one to k paper steps, one a line, for the propose prompt", () => {
    const state = createGame24State("4 9 10 13");
    const grammar = buildGame24Grammar(state, "paper", 3);
    parseGbnf(grammar);
    const [a, b, c, d] = listGame24StepTexts(state, "paper");
    expect(matchesGbnf(grammar, `${a}`)).toBe(true);
    expect(matchesGbnf(grammar, `${a}\n${b}\n${c}`)).toBe(true);
    expect(matchesGbnf(grammar, `${a}\n${b}\n${c}\n${d}`)).toBe(false);
    expect(matchesGbnf(grammar, `${a}\n`)).toBe(false);
    expect(parseGame24Step(a ?? "")).not.toHaveProperty("error");
  });
});

describe("quoteGbnf", () => {
  it("escapes quotes, backslashes and newlines so any text stays one literal", () => {
    for (const text of ['say "hi"', "back\\slash", "two\nlines", "plain"]) {
      expect(matchesGbnf(`root ::= ${quoteGbnf(text)}\n`, text)).toBe(true);
    }
  });
});
