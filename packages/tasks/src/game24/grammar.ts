import { formatGame24Step, type Game24Profile } from "./format.js";
import { listGame24Moves } from "./moves.js";
import type { Game24State } from "./state.js";

/** A GBNF string literal. Step texts hold only digits, operators, spaces and punctuation. */
export function quoteGbnf(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n")}"`;
}

/** Every legal step on the numbers left as the profile writes it, without repeats. */
export function listGame24StepTexts(state: Game24State, profile: Game24Profile): string[] {
  return [...new Set(listGame24Moves(state).map((move) => formatGame24Step(state, move, profile)))];
}

/**
 * A GBNF grammar (llama.cpp's format) that admits exactly the legal steps on the numbers left,
 * each with its exact result and the numbers left after it — so even a model with random weights
 * proposes only legal moves. The compact profile's steps start with a space (the model continues
 * `4 9 10 13 |`).
 *
 * With `lines` above 1 (the propose prompt) it admits one to `lines` steps, one a line.
 *
 * @example
 * ```ts
 * buildGame24Grammar(createGame24State("1 2"), "compact");
 * // root ::= step\nstep ::= " 1+2=3 | 3" | " 1-2=-1 | -1" | ...
 * ```
 */
export function buildGame24Grammar(state: Game24State, profile: Game24Profile, lines = 1): string {
  const prefix = profile === "compact" ? " " : "";
  const steps = listGame24StepTexts(state, profile).map((text) => quoteGbnf(`${prefix}${text}`));
  const root = lines > 1 ? `root ::= step ("\\n" step){0,${lines - 1}}` : "root ::= step";
  return `${root}\nstep ::= ${steps.join(" | ")}\n`;
}
