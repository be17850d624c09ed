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
import { isSolvable, listTaughtMoves, rollOutBehaviour } from "./behaviour-policy.js";
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

/** Shares of proposals, value judgments and whole traces (the feasibility run's mix). */
export const DATASET_MIX = { proposal: 0.45, value: 0.3, trace: 0.25 } as const;

/**
 * Share of value lines whose state comes from a uniformly random legal move instead of a
 * behaviour rollout: harder negatives than the policy's mistakes alone.
 */
const RANDOM_VALUE_STATE_RATE = 0.3;

function pickRandomState(puzzle: Game24State, random: Random): Game24State {
  const depth = Math.floor(random() * puzzle.left.length);
  let state = puzzle;
  for (let step = 0; step < depth; step += 1) {
    const moves = listTaughtMoves(state);
    if (moves.length === 0) break;
    state = applyGame24Move(state, pickOne(random, moves));
  }
  return state;
}

/**
 * Generates the training lines from the project's own solver and generator, seeded: proposals and
 * traces of an imperfect behaviour policy on solvable puzzles, and value judgments on the states
 * such rollouts (solvable puzzles or not) and random moves visit, labelled by the solver with
 * their natural class frequencies, never rebalanced towards `sure`. No line shows an excluded
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
      if (random() < RANDOM_VALUE_STATE_RATE) {
        return buildValueExample(pickRandomState(pickOne(random, puzzles), random));
      }
      const { states } = rollOutBehaviour(pickOne(random, puzzles), random);
      return buildValueExample(pickOne(random, states));
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
