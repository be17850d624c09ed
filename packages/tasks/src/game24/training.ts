import { formatGame24Step } from "./format.js";
import { applyGame24Move, type Game24Move, listGame24Moves } from "./moves.js";
import { canReachGame24, type Game24SolverOptions } from "./solver.js";
import { createGame24State, formatGame24Numbers, type Game24State } from "./state.js";

function numbersOf(state: Game24State): string {
  return formatGame24Numbers(state.left.map((n) => n.value));
}

/** A compact proposal line, what the step prompt `4 9 10 13 |` should be continued with: `4 9 10 13 | 13-9=4 | 4 4 10`. */
export function formatGame24CompactProposal(state: Game24State, move: Game24Move): string {
  return `${numbersOf(state)} | ${formatGame24Step(state, move, "compact")}`;
}

/** A compact value line: `4 4 10 : sure`. */
export function formatGame24CompactValue(
  state: Game24State,
  word: "sure" | "likely" | "impossible",
): string {
  return `${numbersOf(state)} : ${word}`;
}

/**
 * A compact whole trace, the single-pass format: `4 9 10 13 > 13-9=4 | 4 4 10 > 10-4=6 | 4 6 > 4*6=24 | 24`.
 *
 * @example
 * ```ts
 * const state = createGame24State("4 9 10 13");
 * formatGame24CompactTrace(state, findGame24SolutionMoves(state) ?? []);
 * ```
 */
export function formatGame24CompactTrace(start: Game24State, moves: readonly Game24Move[]): string {
  let state = start;
  const parts = [numbersOf(start)];
  for (const move of moves) {
    parts.push(formatGame24Step(state, move, "compact"));
    state = applyGame24Move(state, move);
  }
  return parts.join(" > ");
}

/**
 * The moves of one solution from a state (each time the first legal move that keeps 24
 * reachable, whole non-negative results tried first), or `undefined` when 24 cannot be reached.
 */
export function findGame24SolutionMoves(
  start: Game24State | string | readonly number[],
  options: Game24SolverOptions = {},
): Game24Move[] | undefined {
  let state =
    typeof start === "string" || Array.isArray(start)
      ? createGame24State(start)
      : (start as Game24State);
  const reachable = (s: Game24State) =>
    canReachGame24(
      s.left.map((n) => n.value),
      options,
    );
  if (!reachable(state)) return undefined;
  const moves: Game24Move[] = [];
  while (state.left.length > 1) {
    const current = state;
    const move = listGame24Moves(current)
      .sort((a, b) => Number(!/^\d+$/.test(a.result)) - Number(!/^\d+$/.test(b.result)))
      .find((m) => {
        const next = applyGame24Move(current, m);
        return (!options.integerOnly || /^\d+$/.test(m.result)) && reachable(next);
      });
    if (move === undefined) return undefined;
    moves.push(move);
    state = applyGame24Move(current, move);
  }
  return moves;
}
