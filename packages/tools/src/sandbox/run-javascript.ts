import {
  getQuickJS,
  type QuickJSContext,
  type QuickJSHandle,
  shouldInterruptAfterDeadline,
} from "quickjs-emscripten";
import { ToolError } from "../errors.js";
import { createOutputSink, installConsole, type OutputSink } from "./console.js";

/** Limits of one {@link runJavaScript} call. */
export interface RunJavaScriptOptions {
  /** Wall-clock limit of the run, in milliseconds. @default 1000 */
  readonly timeoutMs?: number;
  /** Memory the script may allocate, in bytes. @default 16777216 (16 MiB) */
  readonly memoryLimitBytes?: number;
  /** Stack the script may use, in bytes. @default 262144 (256 KiB) */
  readonly maxStackBytes?: number;
  /** Characters of console output kept; writing more stops the script. @default 10000 */
  readonly maxOutputChars?: number;
  /** Longest source accepted, in characters. @default 100000 */
  readonly maxCodeChars?: number;
}

/** What a script gave: the value of its last expression and what it printed. */
export interface JavaScriptRun {
  /** The completion value as text (strings as they are, other values as JSON), cut to the output limit. */
  readonly value: string;
  readonly output: string;
  readonly ms: number;
}

const STRINGIFY = `(value) => {
  if (typeof value === "string") return value;
  try { const json = JSON.stringify(value); return json === undefined ? String(value) : json; }
  catch { return String(value); }
}`;

function classifyFailure(
  error: unknown,
  sink: OutputSink,
  limits: Required<RunJavaScriptOptions>,
): ToolError {
  const info = (error ?? {}) as { name?: unknown; message?: unknown };
  const message = String(info.message ?? error);
  if (sink.overflowed) {
    return new ToolError(
      "OUTPUT_LIMIT",
      `Expected at most ${limits.maxOutputChars} characters of output, got more`,
    );
  }
  if (message === "interrupted") {
    return new ToolError(
      "TIMEOUT",
      `Expected the script to finish within ${limits.timeoutMs} ms, it did not`,
    );
  }
  if (/out of memory/i.test(message)) {
    return new ToolError(
      "OUT_OF_MEMORY",
      `Expected the script to stay within ${limits.memoryLimitBytes} bytes, it asked for more`,
    );
  }
  return new ToolError(
    "SCRIPT_ERROR",
    `The script threw ${String(info.name ?? "an error")}: ${message.slice(0, 500)}`,
  );
}

function readValue(vm: QuickJSContext, handle: QuickJSHandle, maxChars: number): string {
  const stringify = vm.unwrapResult(vm.evalCode(STRINGIFY));
  try {
    const text = vm.unwrapResult(vm.callFunction(stringify, vm.undefined, handle));
    try {
      return vm.getString(text).slice(0, maxChars);
    } finally {
      text.dispose();
    }
  } finally {
    stringify.dispose();
  }
}

function takeError(vm: QuickJSContext, handle: QuickJSHandle): unknown {
  const error = vm.dump(handle);
  handle.dispose();
  return error;
}

// A script may end in a promise (an async function's result): run its jobs, then take its outcome.
function settle(vm: QuickJSContext, handle: QuickJSHandle): QuickJSHandle {
  if (vm.typeof(handle) !== "object") return handle;
  const jobs = vm.runtime.executePendingJobs();
  if (jobs.error) {
    handle.dispose();
    throw { thrown: takeError(vm, jobs.error) };
  }
  const state = vm.getPromiseState(handle);
  if (state.type === "fulfilled" && state.notAPromise) return handle;
  handle.dispose();
  if (state.type === "fulfilled") return state.value;
  if (state.type === "rejected") throw { thrown: takeError(vm, state.error) };
  throw { thrown: { name: "Error", message: "the script returned a promise that never settles" } };
}

/**
 * Runs JavaScript in a fresh QuickJS (WebAssembly) sandbox: no `process`, `require`, file system,
 * network or timers — only the language's own built-ins and a `console` whose output is captured.
 * Time, memory, stack and output are limited; going past one throws a {@link ToolError}
 * (`TIMEOUT`, `OUT_OF_MEMORY`, `OUTPUT_LIMIT`), and an exception in the script gives `SCRIPT_ERROR`.
 *
 * @example
 * ```ts
 * const run = await runJavaScript("console.log('hi'); [1, 2, 3].map((x) => x * x)");
 * run.value; // "[1,4,9]"
 * run.output; // "hi\n"
 * ```
 */
export async function runJavaScript(
  code: string,
  options: RunJavaScriptOptions = {},
): Promise<JavaScriptRun> {
  const limits: Required<RunJavaScriptOptions> = {
    timeoutMs: options.timeoutMs ?? 1000,
    memoryLimitBytes: options.memoryLimitBytes ?? 16 * 1024 * 1024,
    maxStackBytes: options.maxStackBytes ?? 256 * 1024,
    maxOutputChars: options.maxOutputChars ?? 10_000,
    maxCodeChars: options.maxCodeChars ?? 100_000,
  };
  if (typeof code !== "string")
    throw new ToolError("INVALID_INPUT", `Expected the code as a string, got ${typeof code}`);
  if (code.length > limits.maxCodeChars) {
    throw new ToolError(
      "TOO_LARGE",
      `Expected at most ${limits.maxCodeChars} characters of code, got ${code.length}`,
    );
  }
  const quickjs = await getQuickJS();
  const started = Date.now();
  const runtime = quickjs.newRuntime();
  const sink = createOutputSink(limits.maxOutputChars);
  const deadline = shouldInterruptAfterDeadline(started + limits.timeoutMs);
  runtime.setMemoryLimit(limits.memoryLimitBytes);
  runtime.setMaxStackSize(limits.maxStackBytes);
  runtime.setInterruptHandler((rt) => sink.overflowed || deadline(rt));
  const vm = runtime.newContext();
  try {
    installConsole(vm, sink);
    const result = vm.evalCode(code, "script.js");
    if (result.error) throw classifyFailure(takeError(vm, result.error), sink, limits);
    const settled = settle(vm, result.value);
    try {
      return {
        value: readValue(vm, settled, limits.maxOutputChars),
        output: sink.text(),
        ms: Date.now() - started,
      };
    } finally {
      settled.dispose();
    }
  } catch (error) {
    if (error instanceof ToolError) throw error;
    const thrown = (error as { thrown?: unknown } | undefined)?.thrown;
    throw classifyFailure(thrown ?? error, sink, limits);
  } finally {
    vm.dispose();
    runtime.dispose();
  }
}
