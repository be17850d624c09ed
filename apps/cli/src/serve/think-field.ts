import { formatDuration, parseDuration } from "@deliberate/core/options";
import { describeJson, invalidRequest } from "./api-error.js";

/**
 * Reads `deliberate.think`: a duration string (`"10s"`, `"1m30s"`, `"1500ms"`) or milliseconds as
 * a number, above zero and at most `maxMs` (the server's `--max-think`), so one request cannot
 * hold a search slot for as long as it likes.
 */
export function parseThinkField(value: unknown, maxMs: number): number {
  const expected = `Expected "deliberate.think" to be a duration such as "10s", "2m" or "1500ms" (or milliseconds), above zero and at most ${formatDuration(maxMs)}`;
  let ms: number;
  if (typeof value === "number") ms = value;
  else if (typeof value === "string") {
    try {
      ms = parseDuration(value, "think");
    } catch {
      throw invalidRequest("deliberate.think", `${expected}, got ${describeJson(value)}.`);
    }
  } else throw invalidRequest("deliberate.think", `${expected}, got ${describeJson(value)}.`);
  if (!Number.isFinite(ms) || ms <= 0 || ms > maxMs) {
    throw invalidRequest("deliberate.think", `${expected}, got ${describeJson(value)}.`);
  }
  return ms;
}
