import { DeliberateError, describeValue } from "../errors.js";

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a duration: a number of milliseconds, or a string such as `"1500ms"`, `"30s"`, `"2m"`,
 * `"1.5h"` or `"1m30s"`.
 *
 * @example
 * ```ts
 * parseDuration("1m30s"); // 90_000
 * ```
 */
export function parseDuration(value: number | string, field = "duration"): number {
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= 0) return value;
    throw invalidDuration(value, field);
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h)/g)];
  const rebuilt = parts.map((part) => part[0]).join("");
  if (parts.length === 0 || rebuilt.replace(/\s/g, "") !== text.replace(/\s/g, "")) {
    throw invalidDuration(value, field);
  }
  return parts.reduce((sum, part) => sum + Number(part[1]) * (UNIT_MS[part[2] ?? "ms"] ?? 1), 0);
}

function invalidDuration(value: unknown, field: string): DeliberateError {
  return new DeliberateError(
    "INVALID_OPTION",
    `Expected \`${field}\` to be a duration such as 30000, "30s", "2m" or "1m30s", got ${describeValue(value)}`,
    { field },
  );
}

/** Writes milliseconds the way people read them: `850ms`, `12.5s`, `2m05s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, "0")}s`;
}
