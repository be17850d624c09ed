import type { Worker } from "node:worker_threads";
import { ToolError } from "../errors.js";
import { releaseSandboxWorker, takeSandboxWorker } from "./worker-pool.js";

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
  /** Stops the run early; it then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** What a script gave: the value of its last expression and what it printed. */
export interface JavaScriptRun {
  /** The completion value as text (strings as they are, other values as JSON), cut to the output limit. */
  readonly value: string;
  readonly output: string;
  readonly ms: number;
}

type Limits = Required<Omit<RunJavaScriptOptions, "signal">>;

type WorkerReply =
  | { ok: true; value: string; output: string; ms: number }
  | { ok: false; error: { name: string; message: string }; overflowed: boolean };

// The worker stops a runaway script itself at the deadline when QuickJS polls in time; this grace
// period is how long the host waits past the deadline before it terminates the thread.
const GRACE_MS = 250;

function classify(reply: Extract<WorkerReply, { ok: false }>, limits: Limits): ToolError {
  const { name, message } = reply.error;
  if (reply.overflowed) {
    return new ToolError(
      "OUTPUT_LIMIT",
      `Expected at most ${limits.maxOutputChars} characters of output, got more`,
    );
  }
  if (message === "interrupted") return timeout(limits);
  if (/out of memory/i.test(message)) {
    return new ToolError(
      "OUT_OF_MEMORY",
      `Expected the script to stay within ${limits.memoryLimitBytes} bytes, it asked for more`,
    );
  }
  return new ToolError("SCRIPT_ERROR", `The script threw ${name}: ${message.slice(0, 500)}`);
}

function timeout(limits: Limits): ToolError {
  return new ToolError(
    "TIMEOUT",
    `Expected the script to finish within ${limits.timeoutMs} ms, it did not`,
  );
}

function readLimits(options: RunJavaScriptOptions): Limits {
  return {
    timeoutMs: options.timeoutMs ?? 1000,
    memoryLimitBytes: options.memoryLimitBytes ?? 16 * 1024 * 1024,
    maxStackBytes: options.maxStackBytes ?? 256 * 1024,
    maxOutputChars: options.maxOutputChars ?? 10_000,
    maxCodeChars: options.maxCodeChars ?? 100_000,
  };
}

function runOnWorker(
  worker: Worker,
  code: string,
  limits: Limits,
  signal?: AbortSignal,
): Promise<JavaScriptRun> {
  if (signal?.aborted) {
    releaseSandboxWorker(worker);
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const stop = (error: unknown) => {
      settle();
      void worker.terminate();
      reject(error);
    };
    const onAbort = () => stop(signal?.reason);
    const timer = setTimeout(() => stop(timeout(limits)), limits.timeoutMs + GRACE_MS);
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("error", (error) =>
      stop(new ToolError("SCRIPT_ERROR", `The sandbox failed: ${error.message}`, { cause: error })),
    );
    worker.once("message", (reply: WorkerReply) => {
      settle();
      releaseSandboxWorker(worker);
      if (reply.ok) resolve({ value: reply.value, output: reply.output, ms: reply.ms });
      else reject(classify(reply, limits));
    });
    worker.postMessage({ code, limits });
  });
}

/**
 * Runs JavaScript in a fresh QuickJS (WebAssembly) sandbox on a worker thread: no `process`,
 * `require`, file system, network or timers — only the language's own built-ins and a `console`
 * whose output is captured. Time, memory, stack and output are limited; going past one rejects
 * with a {@link ToolError} (`TIMEOUT`, `OUT_OF_MEMORY`, `OUTPUT_LIMIT`), and an exception in the
 * script gives `SCRIPT_ERROR`. The time limit is hard: the thread is terminated if the script
 * does not stop by itself. The host's event loop keeps running meanwhile.
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
  const limits = readLimits(options);
  if (typeof code !== "string")
    throw new ToolError("INVALID_INPUT", `Expected the code as a string, got ${typeof code}`);
  if (code.length > limits.maxCodeChars) {
    throw new ToolError(
      "TOO_LARGE",
      `Expected at most ${limits.maxCodeChars} characters of code, got ${code.length}`,
    );
  }
  options.signal?.throwIfAborted();
  let worker: Worker;
  try {
    worker = await takeSandboxWorker();
  } catch (error) {
    throw new ToolError(
      "SCRIPT_ERROR",
      `The sandbox failed to start: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return runOnWorker(worker, code, limits, options.signal);
}
