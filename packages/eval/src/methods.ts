import { EvaluationError } from "./errors.js";
import { type EvaluationMethod, METHOD_IDS, type MethodId } from "./method.js";
import { dfsMethod, mctsMethod, totBeam1Method, totBeam5Method } from "./search-methods.js";
import {
  cotGreedyMethod,
  cotMethod,
  cotSelfConsistencyMethod,
  ioMethod,
} from "./single-pass-methods.js";

const METHODS: Readonly<Record<Exclude<MethodId, "best-of-n">, EvaluationMethod>> = {
  io: ioMethod,
  cot: cotMethod,
  "cot-greedy": cotGreedyMethod,
  "cot-sc": cotSelfConsistencyMethod,
  "tot-b1": totBeam1Method,
  "tot-b5": totBeam5Method,
  dfs: dfsMethod,
  mcts: mctsMethod,
};

/**
 * The methods run when none are named: the ToT paper's rows, dfs and mcts, and best-of-N sized
 * to each search. `cot-greedy` is left to ask for.
 */
export const DEFAULT_METHODS: readonly MethodId[] = [
  "io",
  "cot",
  "cot-sc",
  "tot-b1",
  "tot-b5",
  "dfs",
  "mcts",
  "best-of-n",
];

/** The method an id names; `best-of-n` is not one on its own, it is sized to each search. */
export function getMethod(id: Exclude<MethodId, "best-of-n">): EvaluationMethod {
  return METHODS[id];
}

/**
 * Reads a comma-separated list such as `io,cot,tot-b5` into method ids, in the table's order.
 *
 * @example
 * ```ts
 * parseMethodList("tot-b5, io"); // ["io", "tot-b5"]
 * ```
 */
export function parseMethodList(text: string): MethodId[] {
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  for (const name of names) {
    if (!(METHOD_IDS as readonly string[]).includes(name)) {
      throw new EvaluationError(
        "INVALID_OPTION",
        `Expected each method to be one of ${METHOD_IDS.join(", ")}; got ${JSON.stringify(name)}`,
        { field: "methods" },
      );
    }
  }
  if (names.length === 0) {
    throw new EvaluationError(
      "INVALID_OPTION",
      `Expected at least one method, got ${JSON.stringify(text)}`,
      {
        field: "methods",
      },
    );
  }
  return METHOD_IDS.filter((id) => names.includes(id));
}
