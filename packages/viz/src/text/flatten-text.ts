/**
 * C0 and C1 control characters, DEL, and the bidirectional overrides: a model could write an ANSI
 * escape that repaints the terminal or a bidi override that reverses what a reader sees.
 */
const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/**
 * Turns model text into one safe line: control characters become spaces, runs of whitespace
 * collapse, and the result is cut to `max` characters with an ellipsis.
 *
 * @example
 * ```ts
 * flattenText("a\n\u001b[2Jb", 80); // "a b"
 * ```
 */
export function flattenText(text: string, max = Number.POSITIVE_INFINITY): string {
  const line = text.replace(UNSAFE_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  if (line.length <= max) return line;
  return `${Array.from(line)
    .slice(0, Math.max(0, max - 1))
    .join("")}…`;
}

/** Formats a score in [0, 1] with two decimals, the precision evaluators actually carry. */
export function formatScore(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : "?";
}
