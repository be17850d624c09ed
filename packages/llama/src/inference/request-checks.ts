import type { ModelRequest } from "@deliberate/core/model";
import { LlamaError } from "../errors.js";

/** The request's sampling settings with defaults applied, once checked. */
export interface CheckedRequest {
  readonly n: number;
  readonly temperature: number;
}

/** Rejects a request the backend cannot honour, naming the field, what was expected and what came. */
export function checkRequest(request: ModelRequest): CheckedRequest {
  const n = request.n ?? 1;
  const temperature = request.temperature ?? 0.7;
  expect(Number.isInteger(n) && n >= 1, "n", "an integer ≥ 1", n);
  expect(
    Number.isInteger(request.maxTokens) && request.maxTokens >= 0,
    "maxTokens",
    "an integer ≥ 0",
    request.maxTokens,
  );
  expect(
    Number.isFinite(temperature) && temperature >= 0,
    "temperature",
    "a number ≥ 0",
    temperature,
  );
  if (request.seed !== undefined) {
    expect(
      Number.isInteger(request.seed) && request.seed >= 0,
      "seed",
      "an integer ≥ 0",
      request.seed,
    );
  }
  return { n, temperature };
}

function expect(ok: boolean, field: string, expected: string, value: unknown): void {
  if (!ok) {
    throw new LlamaError(
      "INVALID_OPTION",
      `Expected \`${field}\` to be ${expected}, got \`${String(value)}\` (${typeof value}).`,
    );
  }
}
