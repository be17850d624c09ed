import { calculate } from "@deliberate/tools";
import { createRandom, pickInteger, pickOne, type Random } from "../random.js";

/** A generated problem with its exact answer and a worked solution, one calculation a line. */
export interface WordProblem {
  readonly question: string;
  /** Exact answer as text, e.g. `"49"`. */
  readonly answer: string;
  readonly solution: readonly string[];
}

const NAMES = ["Ana", "Ben", "Chen", "Dara", "Emil", "Farah", "Goro", "Hana"];
const ITEMS = ["apples", "pencils", "stickers", "marbles", "cards", "shells"];

type Template = (random: Random) => { question: string; steps: string[] };

// Each template writes its steps as calculations; the answer is computed from them, never typed.
const TEMPLATES: readonly Template[] = [
  (r) => {
    const [who, item] = [pickOne(r, NAMES), pickOne(r, ITEMS)];
    const [boxes, per, gave, bags, perBag] = [
      pickInteger(r, 2, 9),
      pickInteger(r, 3, 15),
      pickInteger(r, 1, 10),
      pickInteger(r, 2, 6),
      pickInteger(r, 2, 8),
    ];
    return {
      question: `${who} has ${boxes} boxes with ${per} ${item} each. ${who} gives away ${gave} ${item}, then buys ${bags} bags of ${perBag} ${item}. How many ${item} does ${who} have now?`,
      steps: [`${boxes} * ${per}`, `{0} - ${gave}`, `${bags} * ${perBag}`, `{1} + {2}`],
    };
  },
  (r) => {
    const who = pickOne(r, NAMES);
    const [price, count, paid] = [pickInteger(r, 2, 12), pickInteger(r, 2, 8), 100];
    return {
      question: `${who} buys ${count} notebooks at ${price} dollars each and pays with a ${paid}-dollar bill. How much change does ${who} get?`,
      steps: [`${count} * ${price}`, `${paid} - {0}`],
    };
  },
  (r) => {
    const [who, item] = [pickOne(r, NAMES), pickOne(r, ITEMS)];
    const friends = pickInteger(r, 2, 6);
    const each = pickInteger(r, 3, 12);
    const kept = pickInteger(r, 1, 9);
    return {
      question: `${who} had some ${item}, kept ${kept} and shared the rest equally among ${friends} friends, who got ${each} each. How many ${item} did ${who} have?`,
      steps: [`${friends} * ${each}`, `{0} + ${kept}`],
    };
  },
  (r) => {
    const who = pickOne(r, NAMES);
    const [speed, hours, extra, rest] = [
      pickInteger(r, 30, 90),
      pickInteger(r, 2, 5),
      pickInteger(r, 10, 60),
      pickInteger(r, 2, 4),
    ];
    return {
      question: `${who} drives ${hours} hours at ${speed} km per hour, then ${extra} km more, and splits the whole trip into ${rest} equal legs. How long is each leg in km?`,
      steps: [`${speed} * ${hours}`, `{0} + ${extra}`, `{1} / ${rest}`],
    };
  },
];

function solve(steps: readonly string[]): { answer: string; solution: string[] } {
  const results: string[] = [];
  const solution = steps.map((step) => {
    const expression = step.replace(/\{(\d)\}/g, (_, i: string) => results[Number(i)] ?? "0");
    const value = calculate(expression).exact;
    results.push(value.includes("/") ? `(${value})` : value);
    return `${expression} = ${value}`;
  });
  return { answer: calculate(results.at(-1) ?? "0").exact, solution };
}

/**
 * Seeded multi-step arithmetic word problems (two to four calculations each), with exact answers
 * (sometimes fractions) computed by the calculator.
 *
 * @example
 * ```ts
 * const [problem] = generateWordProblems({ count: 1, seed: 1 });
 * problem.solution; // ["7 * 12 = 84", "84 - 5 = 79", ...]
 * ```
 */
export function generateWordProblems(
  options: { readonly count?: number; readonly seed?: number } = {},
): WordProblem[] {
  const random = createRandom(options.seed ?? 0);
  return Array.from({ length: options.count ?? 10 }, () => {
    const { question, steps } = pickOne(random, TEMPLATES)(random);
    return { question, ...solve(steps) };
  });
}
