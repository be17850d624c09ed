import { describeValue } from "../errors.js";
import type { GuardMeasurement, GuardVerdict } from "../guards/guard.js";
import type { ResolvedGuard } from "../guards/guard-option.js";
import type { GuardRecord } from "../tree/schema.js";

/**
 * Runs the guards on the input, in order, and hands each verdict to `record` as the tree keeps it.
 * Stops at the first verdict that blocks and returns it: the guards after it are not run, so a
 * length guard placed first keeps a huge input from a guard that would tokenize it. A guard that
 * throws, or answers something that is not a verdict, rejects with an error naming it.
 */
export async function guardInput(
  guards: readonly ResolvedGuard[],
  input: string,
  signal: AbortSignal,
  record: (verdict: GuardRecord) => void,
): Promise<GuardRecord | undefined> {
  for (const { guard, onFlag } of guards) {
    if (signal.aborted) return undefined;
    let verdict: unknown;
    try {
      verdict = await guard.check(input, { signal });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Expected a verdict from the ${guard.name} guard, got an error: ${message}`, {
        cause: error,
      });
    }
    if (!isVerdict(verdict)) {
      throw new Error(
        `Expected a verdict { ok: true } or { ok: false, reason } from the ${guard.name} guard, got ${describeValue(verdict)}. Fix the guard's check().`,
      );
    }
    const measurement = flattenMeasurement(verdict.measurement);
    const recorded: GuardRecord = {
      guard: guard.name,
      verdict: verdict.ok ? "pass" : onFlag,
      ...(verdict.ok ? {} : { reason: verdict.reason }),
      ...(measurement ? { measurement } : {}),
    };
    record(recorded);
    if (recorded.verdict === "block") return recorded;
  }
  return undefined;
}

function isVerdict(value: unknown): value is GuardVerdict {
  if (typeof value !== "object" || value === null) return false;
  const { ok, reason } = value as { ok?: unknown; reason?: unknown };
  return ok === true || (ok === false && typeof reason === "string");
}

/**
 * The measurement as the tree can keep it: numbers, strings and booleans only (nested values are
 * left out), and a number JSON cannot hold (`Infinity`, `NaN`) as its name.
 */
function flattenMeasurement(
  measurement: GuardMeasurement | undefined,
): GuardRecord["measurement"] | undefined {
  if (typeof measurement !== "object" || measurement === null) return undefined;
  const flat: Record<string, number | string | boolean> = {};
  for (const [key, value] of Object.entries(measurement)) {
    // Assigning `__proto__` would set the record's prototype, not keep a number.
    if (key === "__proto__") continue;
    if (typeof value === "number") flat[key] = Number.isFinite(value) ? value : String(value);
    else if (typeof value === "string" || typeof value === "boolean") flat[key] = value;
  }
  return Object.keys(flat).length > 0 ? flat : undefined;
}
