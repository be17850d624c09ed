import {
  applyGame24Move,
  createGame24State,
  createRandom,
  type Game24Move,
  type Game24State,
  getGame24StateKey,
  listGame24Puzzles,
  pickOne,
  type Random,
} from "@deliberate/tasks";
import { isTinyReasonerText } from "../vocabulary.js";
import {
  isSolvable,
  listTaughtMoves,
  pickBehaviourMove,
  rollOutBehaviour,
} from "./behaviour-policy.js";
import { listExcludedStates } from "./test-exclusion.js";
import {
  buildProposalExample,
  buildTraceExample,
  buildValueExample,
  type TrainingExample,
} from "./training-example.js";

/** Options of {@link generateDataset}. */
export interface DatasetOptions {
  /** Training lines. @default 400000 */
  readonly count?: number;
  /** @default 24 */
  readonly seed?: number;
  /** Keys of states no line may show. @default listExcludedStates() */
  readonly excluded?: ReadonlySet<string>;
}

/**
 * Shares of proposals, value judgments and whole traces. Value lines have the largest share: the
 * 1,200-step model's judgments were its weakest part (AUC 0.62 on unseen 3-number states), and
 * value lines are the shortest, so they cost the least training time each.
 */
export const DATASET_MIX = { proposal: 0.38, value: 0.45, trace: 0.17 } as const;

/**
 * How many moves from a puzzle a value line's state is, as weights of 0, 1, 2 and 3 moves: mostly
 * the 3-number and 2-number states a search asks about, a few puzzles and final numbers.
 */
export const VALUE_DEPTH_WEIGHTS = [0.04, 0.62, 0.3, 0.04] as const;

/**
 * Share of a value state's moves picked by the behaviour policy (the moves the trained model
 * proposes most) instead of uniformly among the taught moves (its other proposals).
 */
const POLICY_MOVE_RATE = 0.5;

function drawDepth(random: Random): number {
  let roll = random();
  for (const [depth, weight] of VALUE_DEPTH_WEIGHTS.entries()) {
    roll -= weight;
    if (roll < 0) return depth;
  }
  return VALUE_DEPTH_WEIGHTS.length - 1;
}

/**
 * A state drawn like the states a search meets: a puzzle, solvable or not, then a few legal
 * whole-number moves, each the policy's or any taught one.
 */
export function drawValueState(puzzle: Game24State, random: Random): Game24State {
  const depth = drawDepth(random);
  let state = puzzle;
  for (let step = 0; step < depth; step += 1) {
    const moves = listTaughtMoves(state);
    if (moves.length === 0) break;
    const move =
      random() < POLICY_MOVE_RATE ? pickBehaviourMove(state, random) : pickOne(random, moves);
    if (move === undefined) break;
    state = applyGame24Move(state, move);
  }
  return state;
}

/**
 * Generates the training lines from the project's own solver and generator, seeded: proposals and
 * traces of an imperfect behaviour policy on solvable puzzles, and value judgments on states drawn
 * like the ones a search meets ({@link drawValueState}, from any puzzle, solvable or not),
 * labelled by the solver with their natural class frequencies, never rebalanced towards `sure`. No line shows an excluded
 * state; a sample that would is drawn again.
 *
 * @example
 * ```ts
 * for (const example of generateDataset({ count: 1000, seed: 1 })) console.log(example.prompt);
 * ```
 */
export function* generateDataset(options: DatasetOptions = {}): Generator<TrainingExample> {
  const count = options.count ?? 400_000;
  const random = createRandom(options.seed ?? 24);
  const excluded = options.excluded ?? listExcludedStates();
  const allowed = (key: string) => !excluded.has(key);
  const puzzles = listGame24Puzzles()
    .filter((puzzle) => allowed(getGame24StateKey(puzzle.map(String))))
    .map((puzzle) => createGame24State(puzzle));
  const solvable = puzzles.filter(isSolvable);
  const drawAllowed = (roll: number): TrainingExample => {
    for (;;) {
      const example = draw(roll);
      if (example.states.every(allowed)) return example;
    }
  };
  const draw = (roll: number): TrainingExample => {
    if (roll < DATASET_MIX.proposal) {
      const { states, moves } = rollOutBehaviour(pickOne(random, solvable), random);
      const at = Math.floor(random() * moves.length);
      return buildProposalExample(states[at] as Game24State, moves[at] as Game24Move);
    }
    if (roll < DATASET_MIX.proposal + DATASET_MIX.value) {
      return buildValueExample(drawValueState(pickOne(random, puzzles), random));
    }
    const { states, moves } = rollOutBehaviour(pickOne(random, solvable), random);
    return buildTraceExample(states, moves);
  };
  for (let made = 0; made < count; made += 1) {
    // The kind is drawn once and kept while its sample is redrawn, so the mix survives the
    // exclusion (traces, which show four states, are rejected most often).
    const example = drawAllowed(random());
    if (!isTinyReasonerText(example.prompt + example.completion)) {
      throw new Error(`Expected a line of the tiny vocabulary, got ${JSON.stringify(example)}`);
    }
    yield example;
  }
}
