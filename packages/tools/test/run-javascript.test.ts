import { describe, expect, it } from "vitest";
import { runJavaScript, ToolError, type ToolErrorCode } from "../src/index.js";

async function expectFailure(
  code: string,
  expected: ToolErrorCode,
  options = {},
): Promise<ToolError> {
  const error = await runJavaScript(code, options).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ToolError);
  expect(`${(error as ToolError).code}: ${(error as ToolError).message}`).toMatch(
    new RegExp(`^${expected}: `),
  );
  return error as ToolError;
}

describe("runJavaScript", () => {
  it("returns the last value and the console output", async () => {
    const run = await runJavaScript("console.log('hi', {a: 1}); [1, 2, 3].map((x) => x * x)");
    expect(run.value).toBe("[1,4,9]");
    expect(run.output).toBe('hi {"a":1}\n');
  });

  it("waits for a returned promise", async () => {
    expect((await runJavaScript("(async () => { await null; return 'done'; })()")).value).toBe(
      "done",
    );
    const error = await expectFailure("Promise.reject(new Error('no'))", "SCRIPT_ERROR");
    expect(error.message).toMatch(/Error: no/);
    await expectFailure("new Promise(() => {})", "SCRIPT_ERROR");
  });

  it("has no host objects to reach", async () => {
    expect(
      (await runJavaScript("typeof process + typeof require + typeof fetch + typeof setTimeout"))
        .value,
    ).toBe("undefinedundefinedundefinedundefined");
    expect(
      (await runJavaScript("Object.getOwnPropertyNames(globalThis).includes('console')")).value,
    ).toBe("true");
    await expectFailure("require('fs').readFileSync('/etc/passwd')", "SCRIPT_ERROR");
    await expectFailure("import('fs')", "SCRIPT_ERROR");
  });

  it("keeps constructor and globalThis tricks inside the sandbox", async () => {
    const escapes = [
      "(function () {}).constructor.constructor('return typeof process')()",
      "globalThis.constructor.constructor('return this')().process === undefined ? 'undefined' : 'leak'",
      "[].map.constructor('return typeof globalThis.require')()",
      "(() => { try { null.f(); } catch (e) { return e.constructor.constructor('return typeof process')(); } })()",
    ];
    for (const code of escapes) expect((await runJavaScript(code)).value).toBe("undefined");
  });

  it("starts each run fresh", async () => {
    await runJavaScript("globalThis.leaked = 42; Object.prototype.polluted = 1");
    expect((await runJavaScript("typeof leaked + typeof ({}).polluted")).value).toBe(
      "undefinedundefined",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("stops an infinite loop at the time limit", async () => {
    const started = Date.now();
    await expectFailure("while (true) {}", "TIMEOUT", { timeoutMs: 200 });
    await expectFailure("(async () => { for (;;) {} })()", "TIMEOUT", { timeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops huge allocations at the memory limit", async () => {
    const options = { memoryLimitBytes: 4 << 20, timeoutMs: 5000 };
    for (const code of [
      "'a'.repeat(2 ** 28)",
      "new ArrayBuffer(64 << 20).byteLength",
      "new Array(2e6).fill(0).length",
      "Array.from({ length: 2e6 }, (_, i) => i).length",
    ]) {
      await expectFailure(code, "OUT_OF_MEMORY", options);
    }
  });

  it("stops allocation loops one way or another, never by exhausting the host", async () => {
    const error = await runJavaScript(
      "const keep = []; for (;;) keep.push(new ArrayBuffer(1 << 20))",
      {
        memoryLimitBytes: 4 << 20,
        timeoutMs: 300,
      },
    ).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ToolError);
    expect(["OUT_OF_MEMORY", "TIMEOUT"]).toContain((error as ToolError).code);
  });

  it("stops runaway recursion and huge output", async () => {
    const error = await expectFailure("function f() { return f() + 1; } f()", "SCRIPT_ERROR");
    expect(error.message).toMatch(/stack overflow/);
    await expectFailure("for (;;) console.log('x'.repeat(100))", "OUTPUT_LIMIT", {
      maxOutputChars: 1000,
    });
    const big = await runJavaScript("'y'.repeat(50000)", { maxOutputChars: 100 });
    expect(big.value).toHaveLength(100);
  });

  it("reports a thrown error and refuses bad arguments", async () => {
    const error = await expectFailure("throw new TypeError('bad')", "SCRIPT_ERROR");
    expect(error.message).toBe("The script threw TypeError: bad");
    await expectFailure("syntax error here", "SCRIPT_ERROR");
    await expectFailure("1".repeat(200), "TOO_LARGE", { maxCodeChars: 100 });
    await expectFailure(42 as unknown as string, "INVALID_INPUT");
  });
});

describe("runJavaScript on its worker thread", () => {
  it("stops a loop of heavy built-in calls at the deadline, which QuickJS alone would overrun", async () => {
    const started = Date.now();
    await expectFailure("const a = []; for (;;) a.push(new Array(1e5).fill(1))", "TIMEOUT", {
      timeoutMs: 300,
      memoryLimitBytes: 256 << 20,
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("keeps the host's event loop running during a run", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await expectFailure("for (;;) {}", "TIMEOUT", { timeoutMs: 300 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });

  it("stops at an abort signal", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("enough")), 50);
    await expect(
      runJavaScript("for (;;) {}", { signal: controller.signal, timeoutMs: 5000 }),
    ).rejects.toThrow("enough");
  });

  it("runs again cleanly after a run was stopped", async () => {
    await expectFailure("for (;;) {}", "TIMEOUT", { timeoutMs: 100 });
    expect((await runJavaScript("1 + 1")).value).toBe("2");
  });
});
