import type { z } from "zod";
import { DeliberateError, describeValue } from "../errors.js";
import { type ParsedThinkOptions, ThinkOptions } from "./think-options.js";

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Turns the first problem zod found into one error naming the field, what was expected and what came. */
export function toOptionError(error: z.ZodError, input: unknown, prefix = ""): DeliberateError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = [prefix, ...path.map(String)].filter(Boolean).join(".") || "options";
  let expected = issue?.message ?? "a valid value";
  if (issue?.code === "unrecognized_keys") {
    return new DeliberateError(
      "INVALID_OPTION",
      `Unknown option ${issue.keys.map((key) => `\`${[field === "options" ? "" : field, key].filter(Boolean).join(".")}\``).join(", ")}`,
      {
        field,
      },
    );
  }
  if (issue?.code === "invalid_union" || issue?.code === "invalid_value")
    expected = `one of the accepted forms (${issue.message})`;
  return new DeliberateError(
    "INVALID_OPTION",
    `Invalid option \`${field}\`: expected ${expected.replace(/^Invalid input: expected /, "")}, got ${describeValue(valueAt(input, path))}`,
    { field },
  );
}

/**
 * Validates {@link ThinkOptions} before any model work. Throws one `INVALID_OPTION`
 * {@link DeliberateError} for the first problem.
 */
export function parseThinkOptions(options: unknown): ParsedThinkOptions {
  if (typeof options !== "object" || options === null) {
    throw new DeliberateError(
      "INVALID_OPTION",
      `Expected options with at least a \`model\`, got ${describeValue(options)}`,
      {
        field: "options",
      },
    );
  }
  const parsed = ThinkOptions.safeParse(options);
  if (!parsed.success) throw toOptionError(parsed.error, options);
  return parsed.data;
}
