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
  const issue = error.issues[0];
  if (!issue) return { field: "options", message: "Invalid options" };
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
