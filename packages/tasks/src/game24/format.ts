import type { Game24Move } from "./moves.js";
import { applyGame24Move } from "./moves.js";
import { formatGame24Numbers, type Game24State } from "./state.js";

/** How steps and prompts are written: the ToT paper's, or the one-line format of a tiny model. */
export type Game24Profile = "paper" | "compact";

/** An operand as a step writes it: a whole non-negative number bare, anything else in parentheses. */
export function formatGame24Operand(value: string): string {
  return /^\d+$/.test(value) ? value : `(${value})`;
}

/** The text of a move: `13 - 9 = 4 (left: 4 4 10)` (paper) or `13-9=4 | 4 4 10` (compact). */
export function formatGame24Step(
  state: Game24State,
  move: Game24Move,
  profile: Game24Profile,
): string {
  const a = formatGame24Operand(state.left[move.first]?.value ?? "");
  const b = formatGame24Operand(state.left[move.second]?.value ?? "");
  const after = formatGame24Numbers(applyGame24Move(state, move).left.map((n) => n.value));
  return profile === "paper"
    ? `${a} ${move.op} ${b} = ${move.result} (left: ${after})`
    : `${a}${move.op}${b}=${move.result} | ${after}`;
}
