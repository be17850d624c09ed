import { ToolMessage } from "@langchain/core/messages";
import { describe, expect, it, vi } from "vitest";
import {
  createLangChainCalculatorTool,
  createLangChainGame24CheckTool,
  createLangChainJavaScriptTool,
} from "../src/index.js";

describe("the tools of @deliberate/tools as LangChain tools", () => {
  it("answers with the exact value", async () => {
    const calculator = createLangChainCalculatorTool();
    expect(calculator.name).toBe("calculator");
    expect(await calculator.invoke({ expression: "1/3 + 1/6" })).toBe("1/2 (≈ 0.5)");
    expect(await calculator.invoke({ expression: "6 * 4" })).toBe("24");
  });

  it("turns a tool error into an error observation with an artifact", async () => {
    const message = await createLangChainCalculatorTool().invoke({
      id: "call-1",
      name: "calculator",
      type: "tool_call",
      args: { expression: "1 / (2 - 2)" },
    });
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.content).toMatch(/^Error \(DIVISION_BY_ZERO\): /);
    expect(message.artifact).toMatchObject({ ok: false, code: "DIVISION_BY_ZERO" });
  });

  it("checks Game-of-24 answers", async () => {
    const check = createLangChainGame24CheckTool();
    expect(await check.invoke({ expression: "8 / (3 - 8 / 3)", numbers: [3, 3, 8, 8] })).toBe(
      "correct: 8 / (3 - 8 / 3) = 24",
    );
    expect(await check.invoke({ expression: "3 * 8", numbers: [3, 3, 8, 8] })).toMatch(
      /^incorrect: expected the numbers/,
    );
  });

  it("runs JavaScript and reports its limits as observations", async () => {
    expect(await createLangChainJavaScriptTool().invoke({ code: "console.log(1); 2 ** 10" })).toBe(
      "1\nvalue: 1024",
    );
    const impatient = createLangChainJavaScriptTool({ timeoutMs: 100 });
    expect(await impatient.invoke({ code: "for (;;) {}" })).toMatch(/^Error \(TIMEOUT\)/);
  });

  it("stops the sandbox when the caller's signal aborts", async () => {
    // LangChain stops waiting on abort by itself; what must also stop is the sandbox's thread,
    // whose message port stays among the process's active resources while it runs.
    const ports = () =>
      process.getActiveResourcesInfo().filter((name) => name === "MessagePort").length;
    const before = ports();
    const controller = new AbortController();
    const run = createLangChainJavaScriptTool({ timeoutMs: 60_000 }).invoke(
      { code: "for (;;) {}" },
      { signal: controller.signal },
    );
    await vi.waitFor(() => expect(ports()).toBe(before + 1));
    controller.abort(new Error("search cancelled"));
    await expect(run).rejects.toThrow(/search cancelled/);
    await vi.waitFor(() => expect(ports()).toBe(before), { timeout: 2000 });
  });

  it("rejects input that does not match the schema before running", async () => {
    await expect(
      createLangChainCalculatorTool().invoke({ expression: 5 } as never),
    ).rejects.toThrow(/schema/);
  });
});
