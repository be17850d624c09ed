import { DeliberateError } from "@deliberate/core";
import { parseThinkOptions, StrategyName } from "@deliberate/core/options";
import { createScriptedModel } from "@deliberate/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const model = createScriptedModel({ rules: [{ match: /.*/, reply: "Final answer: 1" }] });

const keys = [
  "model",
  "strategy",
  "generator",
  "evaluator",
  "budget",
  "temperature",
  "maxStepTokens",
  "evaluationSamples",
  "maxDepth",
  "seed",
  "concurrency",
  "retries",
  "callTimeout",
  "checkpoint",
  "stopOnSolution",
  "signal",
  "onEvent",
  "__proto__",
  "constructor",
  "prototype",
  "widht",
];
const strategyNames = [...StrategyName.options, "nope"];
const edgeNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    0,
    -0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
);
const duration = fc.oneof(
  fc.string(),
  fc.constantFrom("2s", "500ms", "1m", "-1s", "1e9h", "s", "10 years"),
);
// Values near what the schema wants, so the fuzzer gets past the first check into nested ones.
const nearValid = fc.oneof(
  fc.constantFrom<unknown>(model, null, undefined, true, [], {}, () => 1),
  edgeNumber,
  duration,
  fc.constantFrom(...strategyNames),
  fc.record(
    {
      name: fc.constantFrom(...strategyNames),
      width: edgeNumber,
      branching: edgeNumber,
      threshold: edgeNumber,
      samples: edgeNumber,
      batch: edgeNumber,
    },
    { requiredKeys: ["name"] },
  ),
  fc.record(
    {
      time: fc.oneof(duration, edgeNumber),
      tokens: edgeNumber,
      nodes: edgeNumber,
      reserve: edgeNumber,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    { every: edgeNumber, save: fc.constantFrom<unknown>(() => undefined, "x") },
    { requiredKeys: [] },
  ),
);
const options = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  fc.dictionary(fc.constantFrom(...keys), fc.oneof(nearValid, fc.anything()), { maxKeys: 6 }),
  fc
    .dictionary(fc.constantFrom(...keys), nearValid, { maxKeys: 5 })
    .map((rest) => ({ model, ...rest })),
);

describe("parseThinkOptions on random input (fuzz)", () => {
  it("accepts the options or throws an INVALID_OPTION DeliberateError naming a field, never anything else", () => {
    let refused = 0;
    fc.assert(
      fc.property(options, (input) => {
        try {
          parseThinkOptions(input);
        } catch (error) {
          if (!(error instanceof DeliberateError)) throw error;
          expect(error.code).toBe("INVALID_OPTION");
          expect(error.field).toEqual(expect.any(String));
          expect(error.message).toMatch(/^(Invalid option|Unknown option|Expected)/);
          refused++;
        }
      }),
      { numRuns: 3000, seed: 6 },
    );
    expect(refused).toBeGreaterThan(1000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a prototype-polluting key and leaves Object.prototype alone", () => {
    const hostile = JSON.parse(
      '{"model":null,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    expect(() => parseThinkOptions({ ...hostile, model })).toThrow(DeliberateError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
