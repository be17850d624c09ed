import {
  applyOperator,
  type Fraction,
  formatFraction,
  OPERATORS,
  type Operator,
  parseFraction,
} from "@deliberate/tools";
import {
  type ExpressionKind,
  type Game24Number,
  type Game24State,
  sortGame24Numbers,
} from "./state.js";

/** One legal move: combine the numbers at `first` and `second` (indices into `left`) with `op`. */
export interface Game24Move {
  readonly first: number;
  readonly second: number;
  readonly op: Operator;
  /** Exact result as text, e.g. `"7/3"`. */
  readonly result: string;
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
      for (const op of OPERATORS) {
        const result = applyOperator(values[first] as Fraction, op, values[second] as Fraction);
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
export function combineGame24Expressions(a: Game24Number, op: Operator, b: Game24Number): string {
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
