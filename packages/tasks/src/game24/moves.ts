import {
  addFractions,
  divideFractions,
  type Fraction,
  formatFraction,
  multiplyFractions,
  parseFraction,
  subtractFractions,
} from "@deliberate/tools";
import {
  type ExpressionKind,
  type Game24Number,
  type Game24State,
  sortGame24Numbers,
} from "./state.js";

/** An operator of the game; `×`, `÷` and `−` in a model's text are read as these. */
export type Game24Operator = "+" | "-" | "*" | "/";

/** One legal move: combine the numbers at `first` and `second` (indices into `left`) with `op`. */
export interface Game24Move {
  readonly first: number;
  readonly second: number;
  readonly op: Game24Operator;
  /** Exact result as text, e.g. `"7/3"`. */
  readonly result: string;
}

/** The four operators, in the order moves are listed. */
export const GAME24_OPERATORS: readonly Game24Operator[] = ["+", "-", "*", "/"];

/** Applies `op` exactly; `undefined` for a division by zero. */
export function combineGame24Values(
  a: Fraction,
  op: Game24Operator,
  b: Fraction,
): Fraction | undefined {
  if (op === "+") return addFractions(a, b);
  if (op === "-") return subtractFractions(a, b);
  if (op === "*") return multiplyFractions(a, b);
  return b.num === 0n ? undefined : divideFractions(a, b);
}

/**
 * Every legal move on the numbers left: any two of them, in either order, with + − × ÷ (no
 * division by zero). Intermediate results may be negative or fractional, as in the ToT paper.
 */
export function listGame24Moves(state: Game24State): Game24Move[] {
  const moves: Game24Move[] = [];
  const values = state.left.map((n) => parseFraction(n.value));
  for (let first = 0; first < values.length; first++) {
    for (let second = 0; second < values.length; second++) {
      if (first === second) continue;
      for (const op of GAME24_OPERATORS) {
        const result = combineGame24Values(
          values[first] as Fraction,
          op,
          values[second] as Fraction,
        );
        if (result !== undefined) moves.push({ first, second, op, result: formatFraction(result) });
      }
    }
  }
  return moves;
}

function wrap(node: Game24Number, when: readonly ExpressionKind[]): string {
  return when.includes(node.kind) ? `(${node.expression})` : node.expression;
}

/** The expression of `a op b` with parentheses only where precedence needs them. */
export function combineGame24Expressions(
  a: Game24Number,
  op: Game24Operator,
  b: Game24Number,
): string {
  if (op === "+") return `${a.expression} + ${b.expression}`;
  if (op === "-") return `${a.expression} - ${wrap(b, ["sum"])}`;
  if (op === "*") return `${wrap(a, ["sum"])} * ${wrap(b, ["sum"])}`;
  return `${wrap(a, ["sum"])} / ${wrap(b, ["sum", "product"])}`;
}

/** The state after a legal move. */
export function applyGame24Move(state: Game24State, move: Game24Move): Game24State {
  const a = state.left[move.first] as Game24Number;
  const b = state.left[move.second] as Game24Number;
  const made: Game24Number = {
    value: move.result,
    expression: combineGame24Expressions(a, move.op, b),
    kind: move.op === "+" || move.op === "-" ? "sum" : "product",
  };
  const rest = state.left.filter((_, i) => i !== move.first && i !== move.second);
  return { puzzle: state.puzzle, left: sortGame24Numbers([...rest, made]) };
}
