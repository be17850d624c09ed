import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import {
  createCalculatorTool,
  createGame24CheckTool,
  createJavaScriptTool,
  ToolError,
} from "../src/index.js";

const signal = new AbortController().signal;

describe("createCalculatorTool", () => {
  it("answers the model's line with the exact value", async () => {
    const calculator = createCalculatorTool();
    expect(calculator.name).toBe("calculator");
    await expect(calculator.call("1/3 + 1/6", { signal })).resolves.toBe("1/2 (≈ 0.5)");
    await expect(calculator.call("6 * 4", { signal })).resolves.toBe("24");
  });

  it("throws its ToolError, whose code the branch reads", async () => {
    await expect(createCalculatorTool().call("1 / (2 - 2)", { signal })).rejects.toMatchObject({
      name: "ToolError",
      code: "DIVISION_BY_ZERO",
    });
  });

  it("takes another name and description, and refuses a name the call syntax cannot carry", () => {
    expect(createCalculatorTool({ name: "calc", description: "Sums." })).toMatchObject({
      name: "calc",
      description: "Sums.",
    });
    expect(() => createCalculatorTool({ name: "my calculator" })).toThrow(ToolError);
  });
});

describe("createGame24CheckTool", () => {
  it("reads a JSON object with the expression and the numbers, and says so in its description", async () => {
    const check = createGame24CheckTool({ name: "game24" });
    expect(check.description).toMatch(/JSON object with the fields expression, numbers\.$/);
    const input = (expression: string) => JSON.stringify({ expression, numbers: [3, 3, 8, 8] });
    await expect(check.call(input("8 / (3 - 8 / 3)"), { signal })).resolves.toBe(
      "correct: 8 / (3 - 8 / 3) = 24",
    );
    await expect(check.call(input("3 * 8"), { signal })).resolves.toMatch(
      /^incorrect: expected the numbers/,
    );
  });

  it("refuses a line that is not such an object with INVALID_INPUT", async () => {
    const check = createGame24CheckTool();
    for (const line of ["8 / (3 - 8 / 3)", '{"expression": "3 * 8"}', "null", '{"numbers": [1]}']) {
      await expect(check.call(line, { signal })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(
      check.call('{"expression": "1", "numbers": [-1]}', { signal }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("createJavaScriptTool", () => {
  it("runs the model's line in the sandbox within the limits it was given", async () => {
    const javascript = createJavaScriptTool({ name: "javascript", timeoutMs: 100 });
    expect(javascript.name).toBe("javascript");
    await expect(javascript.call("console.log(1); 2 ** 10", { signal })).resolves.toBe(
      "1\nvalue: 1024",
    );
    await expect(javascript.call("for (;;) {}", { signal })).rejects.toMatchObject({
      code: "TIMEOUT",
    });
  });

  it("stops the sandbox when the search's signal aborts", async () => {
    // What must stop is the sandbox's thread, whose message port stays among the process's
    // active resources while it runs.
    const ports = () =>
      process.getActiveResourcesInfo().filter((name) => name === "MessagePort").length;
    const before = ports();
    const controller = new AbortController();
    const run = createJavaScriptTool({ timeoutMs: 60_000 }).call("for (;;) {}", {
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(ports()).toBe(before + 1));
    controller.abort(new Error("search cancelled"));
    await expect(run).rejects.toThrow(/search cancelled/);
    await vi.waitFor(() => expect(ports()).toBe(before), { timeout: 2000 });
  });
});

describe("@deliberate/tools", () => {
  it("depends on no LangChain package", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    const names = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect(names.filter((name) => name.includes("langchain"))).toEqual([]);
  });
});
