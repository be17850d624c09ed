import { describe, expect, it } from "vitest";
import { runExample } from "./run-example.js";

describe("examples/custom-task.ts", () => {
  it("finds a verified way to reach the target with its own task and verifier", async () => {
    const { code, output } = await runExample("custom-task.ts", ["22"]);
    expect(output).toMatch(/answer: {3}1 [+*32 ]+= 22/);
    expect(output).toContain("verified: true");
    expect(code).toBe(0);
  });
});
