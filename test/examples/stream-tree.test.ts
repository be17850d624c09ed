import { describe, expect, it } from "vitest";
import { runExample } from "./run-example.js";

describe("examples/stream-tree.ts", () => {
  it("prints the tree as the search grows it, on synthetic:tiny", async () => {
    const { code, output } = await runExample("stream-tree.ts", ["4 9 10 13"], { NODES: "20" });
    expect(output).toMatch(/^Use 4 9 10 13 .+ {2}\(beam\)$/m);
    expect(output).toMatch(/├─ .+ #1$/m);
    expect(output).toMatch(/^stopped: \w+$/m);
    expect(code).toBe(0);
  });
});
