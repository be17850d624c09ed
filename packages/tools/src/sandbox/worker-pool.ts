import { Worker } from "node:worker_threads";

const WORKER_URL = new URL("../../worker/sandbox-worker.mjs", import.meta.url);
const MAX_IDLE = 2;
const idle: Worker[] = [];

// Resolves once the worker has compiled QuickJS, so that start-up never counts against a run.
function startWorker(): Promise<Worker> {
  const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 64 } });
  return new Promise((resolve, reject) => {
    worker.once("message", () => {
      worker.removeAllListeners("error");
      resolve(worker);
    });
    worker.once("error", reject);
  });
}

/** A worker with QuickJS loaded, for one run; reused after a clean run, never after it was stopped. */
export async function takeSandboxWorker(): Promise<Worker> {
  const worker = idle.pop() ?? (await startWorker());
  worker.removeAllListeners("exit");
  worker.ref();
  return worker;
}

/** Takes back a worker whose run finished on its own; idle workers never keep the process alive. */
export function releaseSandboxWorker(worker: Worker): void {
  worker.removeAllListeners("message");
  worker.removeAllListeners("error");
  if (idle.length >= MAX_IDLE) {
    void worker.terminate();
    return;
  }
  worker.unref();
  worker.once("exit", () => {
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
  });
  idle.push(worker);
}
