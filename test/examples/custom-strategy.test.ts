import { DeliberateError, think } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { diverseBeam } from "../../examples/custom-strategy.js";
import { createHarborRouteTask, createNameJudgingModel } from "../../examples/harbor-route.js";
import { outputSection as section } from "./output-section.js";
import { runExample } from "./run-example.js";

describe("examples/custom-strategy.ts", () => {
  it("finds the road a plain beam loses to the trap, by its diversity rule", async () => {
    const { code, output } = await runExample("custom-strategy.ts");
    const plain = section(output, "beam");
    expect(plain).toContain("answer:   (none)");
    expect(plain).toContain("stopped:  exhausted");
    expect(plain).toContain("→ market (not among the best 2 at depth 2)");
    const diverse = section(output, "diverse-beam");
    expect(diverse).toContain("answer:   station → old-town → market → harbor");
    expect(diverse).toContain("verified: true");
    expect(diverse).toContain("stopped:  solved");
    expect(diverse).toContain("→ harbor-view (node 1 already holds 1 of the 2 seats)");
    expect(diverse).toContain(
      'strategy: {"name":"diverse-beam","options":{"width":2,"branching":2,"perParent":1}}',
    );
    expect(code).toBe(0);
  });

  it("has its options checked by its schema, naming the field", async () => {
    const error = await think(createHarborRouteTask(), {
      model: createNameJudgingModel(),
      plugins: [diverseBeam],
      strategy: { name: "diverse-beam", perParent: 0 },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeliberateError);
    expect(error).toMatchObject({ code: "INVALID_OPTION", field: "strategy.perParent" });
  });
});
