import { describe, expect, it } from "vitest";
import { runExample } from "./run-example.js";

describe("examples/tools-in-thoughts.ts", () => {
  it("answers from the calculator's observations, and the misspelt tool's branch reads an error", async () => {
    const { code, output } = await runExample("tools-in-thoughts.ts");
    expect(output).toContain('"Action: calculator[2400 * 17 / 100]"  ⟶ "408"');
    expect(output).toMatch(
      /"Action: calculater\[2400 \* 0\.17\]" {2}⟶ \(error\) "Error \(UNKNOWN_TOOL\)/,
    );
    expect(output).toContain("answer:     1983");
    expect(code).toBe(0);
  });
});
