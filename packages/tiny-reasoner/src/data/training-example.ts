import {
  applyGame24Move,
  formatGame24CompactProposal,
  formatGame24CompactTrace,
  formatGame24CompactValue,
  type Game24Move,
  type Game24State,
  getGame24StateKey,
} from "@deliberate/tasks";
import { labelGame24State } from "./value-label.js";

/** The three kinds of training line. */
export type ExampleKind = "proposal" | "value" | "trace";

/**
 * One training line split where the task's compact prompt ends: the model reads `prompt` and
 * learns `completion` (which starts with a space, as the task's parser and grammar expect).
 */
export interface TrainingExample {
  readonly kind: ExampleKind;
  readonly prompt: string;
  readonly completion: string;
  /** Multiset keys of every state the line shows, for the test-set exclusion. */
  readonly states: readonly string[];
}

function splitAfter(line: string, marker: string): { prompt: string; completion: string } {
  const at = line.indexOf(marker) + marker.length;
  return { prompt: line.slice(0, at), completion: line.slice(at) };
}

/** `4 9 10 13 |` → ` 13-9=4 | 4 4 10`: the step prompt of the compact profile and one answer. */
export function buildProposalExample(state: Game24State, move: Game24Move): TrainingExample {
  const line = formatGame24CompactProposal(state, move);
  const after = applyGame24Move(state, move);
  return {
    kind: "proposal",
    ...splitAfter(line, " |"),
    states: [getGame24StateKey(state), getGame24StateKey(after)],
  };
}

/** `4 4 10 :` → ` sure`: the value prompt of the compact profile and the solver's word. */
export function buildValueExample(state: Game24State): TrainingExample {
  const line = formatGame24CompactValue(state, labelGame24State(state));
  return { kind: "value", ...splitAfter(line, " :"), states: [getGame24StateKey(state)] };
}

/** `4 9 10 13 >` → ` 13-9=4 | 4 4 10 > … | 24`: the single-pass prompt and a whole trace. */
export function buildTraceExample(
  states: readonly Game24State[],
  moves: readonly Game24Move[],
): TrainingExample {
  const [start] = states;
  if (start === undefined) throw new Error("Expected a trace with a first state, got none");
  const line = formatGame24CompactTrace(start, moves);
  return {
    kind: "trace",
    ...splitAfter(line, " >"),
    states: states.map((state) => getGame24StateKey(state)),
  };
}
