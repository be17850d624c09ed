import { calculate, formatFraction, ToolError } from "@deliberate/tools";

const MARKERS = [
  /answer\s*(?:is)?\s*[:=]?\s*(.*)$/i,
  /####\s*(.*)$/,
  /^\s*therefore[^0-9-]*(.*)$/i,
];
const NUMBER = /-?\$?\d[\d,]*(?:\.\d+)?(?:\s*\/\s*\d+)?/g;

function toExact(text: string): string | undefined {
  const cleaned = text.replace(/[$,\s]/g, "");
  try {
    return formatFraction(calculate(cleaned, { maxLength: 60 }).value);
  } catch (error) {
    if (error instanceof ToolError) return undefined;
    throw error;
  }
}

/**
 * The numeric answer in a reply, exact, as `"42"`, `"-7/2"` or `"1234.5"` → `"2469/2"`: the
 * first number after `Answer:` / `The answer is` / `####` on the last line that has one, else
 * the last number in the text. `undefined` when there is none.
 *
 * @example
 * ```ts
 * extractNumericAnswer("3 * 12 = 36\nAnswer: $1,234.50"); // "2469/2"
 * extractNumericAnswer("so she has 7 left"); // "7"
 * ```
 */
export function extractNumericAnswer(reply: string): string | undefined {
  if (typeof reply !== "string") return undefined;
  const lines = reply.slice(0, 10_000).split("\n");
  for (const line of [...lines].reverse()) {
    for (const marker of MARKERS) {
      const tail = marker.exec(line)?.[1];
      const first = tail?.slice(tail.lastIndexOf("=") + 1).match(NUMBER)?.[0];
      if (first !== undefined) return toExact(first);
    }
  }
  const last = reply.slice(0, 10_000).match(NUMBER)?.at(-1);
  return last === undefined ? undefined : toExact(last);
}
