import { describe, expect, it } from "vitest";
import { runExample } from "./run-example.js";

describe("examples/langchain-model.ts", () => {
  it("thinks with LangChain's fake chat model inside a chain and streams the search", async () => {
    const { code, output } = await runExample("langchain-model.ts", [], { OPENAI_BASE_URL: "" });
    expect(output).toMatch(/model: {2}langchain:fake-list, [1-9]\d* chat model calls/);
    expect(output).toMatch(/events: started×1 .*stopped×1/);
    expect(output).toContain("answer: 408");
    expect(code).toBe(0);
  });
});
