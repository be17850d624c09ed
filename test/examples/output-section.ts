import { expect } from "vitest";

/** The block an example prints under `label:`, up to the next line that is not indented. */
export function outputSection(output: string, label: string): string {
  const start = output.indexOf(`${label}:\n`);
  expect(start, `no "${label}:" in the output:\n${output}`).toBeGreaterThanOrEqual(0);
  const body = start + label.length + 2;
  const next = output.slice(body).search(/^\S/m);
  return next < 0 ? output.slice(start) : output.slice(start, body + next);
}
