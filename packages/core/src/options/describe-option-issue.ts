import type { z } from "zod";
import { describeValue } from "../errors.js";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** How telling an issue is when several forms of a union failed at the same depth. */
function rankOfIssue(issue: z.core.$ZodIssue): number {
  if (issue.code === "custom") return 0;
  if (issue.code === "invalid_type" && issue.expected === "object") return 1;
  return 2;
}

/**
 * The issue behind a failed union that says most: the form that got furthest into the input (a
 * known name with a bad option, rather than "not one of the names"), its path made whole.
 */
function findDeepestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  let best: z.core.$ZodIssue = issue;
  let bestScore = -1;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const inner = findDeepestIssue(first);
    const whole = { ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue;
    const score = whole.path.length * 10 + rankOfIssue(whole);
    if (score > bestScore) {
      best = whole;
      bestScore = score;
    }
  }
  return best;
}

/** What a zod issue expected, in the words of an error message. */
function describeExpected(issue: z.core.$ZodIssue): string {
  // Schemas that word their own expectation (integers, say) are taken at their word.
  if (!/^(Too small|Too big|Invalid)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
      const sign =
        issue.code === "too_small" ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<";
      const what =
        issue.origin === "array"
          ? "a list with length"
          : issue.origin === "string"
            ? "text of length"
            : "a number";
      return `${what} ${sign} ${String(bound)}`;
    }
    case "invalid_type":
      return issue.expected === "int" ? "an integer" : `a ${issue.expected}`;
    case "invalid_value":
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union":
      if ("options" in issue && Array.isArray(issue.options) && issue.options.length > 0)
        return `one of ${issue.options.map((option) => JSON.stringify(option)).join(", ")}`;
      return "one of the accepted forms (see the option's documentation)";
    default:
      return issue.message;
  }
}

/**
 * The first problem zod found in `input`, as the field it concerns and a message naming what was
 * expected and what came. Every package words its option errors with it.
 */
export function describeOptionIssue(
  error: z.ZodError,
  input: unknown,
): { field: string; message: string } {
  const first = error.issues[0];
  if (!first) return { field: "options", message: "Invalid options" };
  const issue = findDeepestIssue(first);
  const field = issue.path.map(String).join(".") || "options";
  if (issue.code === "unrecognized_keys") {
    const names = issue.keys.map((key) => `\`${[...issue.path.map(String), key].join(".")}\``);
    return {
      field: names[0]?.replaceAll("`", "") ?? field,
      message: `Unknown option ${names.join(", ")}`,
    };
  }
  const expected = describeExpected(issue);
  const got = describeValue(valueAt(input, issue.path));
  return { field, message: `Invalid option \`${field}\`: expected ${expected}, got ${got}` };
}
