import { z } from "zod";
import type { Guard, GuardAction, GuardOption } from "./guard.js";

const ACTIONS: readonly GuardAction[] = ["block", "warn"];
const FORMS = 'a guard { name, check(input) } or { guard, onFlag: "block" | "warn" }';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What is wrong with a guard, where: `undefined` when it is one. */
function findGuardProblem(value: unknown): { path: string[]; expected: string } | undefined {
  if (!isRecord(value)) return { path: [], expected: FORMS };
  if (typeof value.name !== "string" || value.name.trim() === "")
    return { path: ["name"], expected: "a guard's name: text that is not blank" };
  if (typeof value.check !== "function")
    return { path: ["check"], expected: "a function check(input) that returns a verdict" };
  return undefined;
}

/** What is wrong with an entry of `guards`, where: `undefined` when it is fine. */
function findEntryProblem(value: unknown): { path: string[]; expected: string } | undefined {
  if (!isRecord(value)) return { path: [], expected: FORMS };
  if (!("guard" in value)) {
    // Neither form: name the form the caller most likely meant.
    return "name" in value || "check" in value
      ? findGuardProblem(value)
      : { path: [], expected: FORMS };
  }
  const guard = findGuardProblem(value.guard);
  if (guard) return { path: ["guard", ...guard.path], expected: guard.expected };
  if (value.onFlag !== undefined && !ACTIONS.includes(value.onFlag as GuardAction))
    return { path: ["onFlag"], expected: 'one of "block", "warn"' };
  const extra = Object.keys(value).find((key) => key !== "guard" && key !== "onFlag");
  if (extra !== undefined)
    return { path: [extra], expected: "no such key (only guard and onFlag)" };
  return undefined;
}

/**
 * The schema of one entry of the `guards` option. One refinement rather than a union, so that a
 * bad entry is named precisely (`guards.1.onFlag`) instead of as "none of the forms".
 */
export const GuardEntry = z
  .custom<GuardOption>(() => true)
  .superRefine((value, context) => {
    const problem = findEntryProblem(value);
    if (problem)
      context.addIssue({ code: "custom", message: problem.expected, path: problem.path });
  });

/** A guard and what its flag does, whichever form the entry took. */
export interface ResolvedGuard {
  readonly guard: Guard;
  readonly onFlag: GuardAction;
}

/** Brings an entry checked by {@link GuardEntry} to one form: a bare guard blocks. */
export function resolveGuard(entry: GuardOption): ResolvedGuard {
  return "guard" in entry
    ? { guard: entry.guard, onFlag: entry.onFlag ?? "block" }
    : { guard: entry, onFlag: "block" };
}
