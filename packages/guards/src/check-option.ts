import { describeValue } from "@deliberate/core/options";
import { GuardError } from "./errors.js";

/** Throws a {@link GuardError} unless `value` is a positive safe integer. */
export function checkPositiveInteger(guard: string, field: string, value: unknown): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
  throw new GuardError(
    "INVALID_OPTION",
    `Expected \`${field}\` of the ${guard} guard to be a positive integer, got ${describeValue(value)}.`,
    { guard },
  );
}

/** Throws a {@link GuardError} unless `value` is a finite number above `min`. */
export function checkNumberAbove(
  guard: string,
  field: string,
  value: unknown,
  min: number,
): number {
  if (typeof value === "number" && Number.isFinite(value) && value > min) return value;
  throw new GuardError(
    "INVALID_OPTION",
    `Expected \`${field}\` of the ${guard} guard to be a finite number above ${min}, got ${describeValue(value)}.`,
    { guard },
  );
}
