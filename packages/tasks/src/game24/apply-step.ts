import type { StepOutcome } from "@deliberate/core/task";
import { applyOperator, equalFractions, formatFraction, parseFraction } from "@deliberate/tools";
import { formatGame24Step, type Game24Profile } from "./format.js";
import { applyGame24Move, type Game24Move } from "./moves.js";
import { parseGame24Step } from "./parse-step.js";
import type { Game24State } from "./state.js";

/**
 * Matches a written step against the numbers left: the move it names, or why it names none
 * (an operand not left, a division by zero, a result that is not exact).
 */
export function matchGame24Step(
  text: string,
  state: Game24State,
): Game24Move | { readonly error: string } {
  const written = parseGame24Step(text);
  if ("error" in written) return written;
  const values = state.left.map((n) => parseFraction(n.value));
  const shown = `${formatFraction(written.a)} ${written.op} ${formatFraction(written.b)}`;
  const first = values.findIndex((v) => equalFractions(v, written.a));
  const second = values.findIndex((v, i) => i !== first && equalFractions(v, written.b));
  const left = state.left.map((n) => n.value).join(" ");
  if (first < 0 || second < 0) {
    return { error: `expected two of the numbers left (${left}), got ${shown}` };
  }
  const exact = applyOperator(written.a, written.op, written.b);
  if (exact === undefined) return { error: `expected a non-zero divisor, got ${shown}` };
  if (!equalFractions(exact, written.result)) {
    return {
      error: `expected ${shown} = ${formatFraction(exact)}, got ${formatFraction(written.result)}`,
    };
  }
  return { first, second, op: written.op, result: formatFraction(exact) };
}

/**
 * Applies a written step: the new state with the step rewritten in the profile's canonical form,
 * or — when one number is left — the answer, the whole expression over the puzzle's numbers.
 */
export function applyGame24Step(
  text: string,
  state: Game24State,
  profile: Game24Profile,
): StepOutcome<Game24State> {
  if (state.left.length < 2)
    return { kind: "invalid", reason: "expected two numbers left to combine, got one" };
  const move = matchGame24Step(text, state);
  if ("error" in move) return { kind: "invalid", reason: move.error };
  const next = applyGame24Move(state, move);
  const thought = formatGame24Step(state, move, profile);
  const last = next.left[0];
  if (next.left.length === 1 && last !== undefined) {
    return { kind: "answer", state: next, answer: `${last.expression} = ${last.value}`, thought };
  }
  return { kind: "step", state: next, thought };
}
