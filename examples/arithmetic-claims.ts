/**
 * Finds the calculations a reasoning step states ("17 × 4 = 68", "340 + 68 = 408") and checks
 * them exactly with @deliberate/tools' calculator: the cheap half of
 * examples/custom-evaluator.ts.
 */
import { calculate } from "@deliberate/tools";

/** A run of arithmetic with at least one "=": numbers, operators, brackets and spaces only. */
const CLAIM = /[\d.()+\-−×*/÷ ]+(?:=[\d.()+\-−×*/÷ ]+)+/g;

/** The exact value of `text`, or `undefined` when it is not arithmetic the calculator reads. */
function exactValue(text: string): string | undefined {
  try {
    return calculate(text).exact;
  } catch {
    return undefined;
  }
}

/** A claim found in a step, and whether it holds. */
export interface ClaimCheck {
  readonly claim: string;
  readonly holds: boolean;
  /** For a false claim: what its left side really is. */
  readonly actual?: string;
}

/**
 * Checks every chain `a = b = c` in `text`: each side must equal the one before it. Runs the
 * calculator cannot read (a date, a lone "=") are not claims and are skipped.
 */
export function checkArithmetic(text: string): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  for (const [run] of text.matchAll(CLAIM)) {
    const sides = run.split("=").map((side) => side.trim());
    const values = sides.map(exactValue);
    if (values.some((value) => value === undefined)) continue;
    for (let index = 1; index < sides.length; index++) {
      const holds = values[index] === values[index - 1];
      checks.push({
        claim: `${sides[index - 1]} = ${sides[index]}`,
        holds,
        ...(holds ? {} : { actual: values[index - 1] }),
      });
    }
  }
  return checks;
}
