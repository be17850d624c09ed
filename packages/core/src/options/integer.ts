import { z } from "zod";

/** An integer schema whose errors say "an integer ≥ min" / "an integer ≤ max". */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .number({ error: `an integer from ${min} to ${max}` })
    .int({ error: "an integer" })
    .min(min, { error: `an integer ≥ ${min}` })
    .max(max, { error: `an integer ≤ ${max}` });
}
