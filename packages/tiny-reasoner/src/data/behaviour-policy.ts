import {
  applyGame24Move,
  canReachGame24,
  type Game24Move,
  type Game24State,
  getGame24StateKey,
  listGame24Moves,
  pickOne,
  type Random,
} from "@deliberate/tasks";

/**
 * How often the behaviour policy picks a move that keeps 24 reachable (when one exists); the
 * rest of the time it picks any legal move. Below 1 so the model learns an imperfect policy,
 * one that a search can improve on.
 */
export const KEEP_SOLVABLE_RATE = 0.7;

const WHOLE = /^\d+$/;

/**
 * The moves the model is taught, one per distinct written step: whole non-negative results only
 * (every test puzzle is solvable that way), larger operand first.
 */
export function listTaughtMoves(state: Game24State): Game24Move[] {
  const seen = new Set<string>();
  return listGame24Moves(state).filter((move) => {
    if (move.first < move.second || !WHOLE.test(move.result)) return false;
    const key = `${state.left[move.first]?.value}${move.op}${state.left[move.second]?.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether 24 can still be made from the state with whole non-negative steps. */
export function isSolvable(state: Game24State): boolean {
  return canReachGame24(
    state.left.map((n) => n.value),
    { integerOnly: true },
  );
}

interface MoveChoices {
  readonly all: readonly Game24Move[];
  readonly good: readonly Game24Move[];
}

// States with one key list their numbers in one order, so their moves are the same indices:
// memoized because the rollouts of a large dataset visit the same few thousand states again.
const choicesByKey = new Map<string, MoveChoices>();

function listMoveChoices(state: Game24State): MoveChoices {
  const key = getGame24StateKey(state);
  let choices = choicesByKey.get(key);
  if (choices === undefined) {
    const all = listTaughtMoves(state);
    const good = all.filter((move) => isSolvable(applyGame24Move(state, move)));
    choices = { all, good };
    choicesByKey.set(key, choices);
  }
  return choices;
}

/** One move of the imperfect behaviour policy, or `undefined` when no whole-number move exists. */
export function pickBehaviourMove(state: Game24State, random: Random): Game24Move | undefined {
  const { all, good } = listMoveChoices(state);
  if (all.length === 0) return undefined;
  if (good.length > 0 && random() < KEEP_SOLVABLE_RATE) return pickOne(random, good);
  return pickOne(random, all);
}

/** The states and moves of one behaviour rollout from `start` to a single number (or a dead end). */
export function rollOutBehaviour(
  start: Game24State,
  random: Random,
): { states: Game24State[]; moves: Game24Move[] } {
  const states = [start];
  const moves: Game24Move[] = [];
  let state = start;
  while (state.left.length > 1) {
    const move = pickBehaviourMove(state, random);
    if (move === undefined) break;
    moves.push(move);
    state = applyGame24Move(state, move);
    states.push(state);
  }
  return { states, moves };
}
