import { canReachGame24, type Game24State } from "@deliberate/tasks";

/** A value judgment of the compact profile. */
export type ValueWord = "sure" | "likely" | "impossible";

/**
 * What the solver says of a state: `sure` when 24 can be made with whole non-negative steps (the
 * steps the model is taught), `likely` when only fractions or negatives in between make it, and
 * `impossible` when nothing does. A single number left is `sure` only when it is 24.
 */
export function labelGame24State(state: Game24State): ValueWord {
  const values = state.left.map((n) => n.value);
  if (canReachGame24(values, { integerOnly: true })) return "sure";
  return canReachGame24(values) ? "likely" : "impossible";
}
