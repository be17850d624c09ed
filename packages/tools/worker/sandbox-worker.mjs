// The QuickJS side of runJavaScript, in its own worker thread so that the host can stop it
// with terminate() whatever the script does: QuickJS only polls its interrupt handler every
// few thousand operations, and one heavy built-in call in a loop can outlast any deadline.
// Plain JavaScript so it runs unchanged from the sources and from the build.
import { parentPort } from "node:worker_threads";
import { getQuickJS, shouldInterruptAfterDeadline } from "quickjs-emscripten";

const SHOW = `(value) => {
  if (typeof value === "string") return value;
  try { const json = JSON.stringify(value); return json === undefined ? String(value) : json; }
  catch { return String(value); }
}`;

// Formatting happens inside the sandbox so user-defined toString/toJSON run under its limits.
const CONSOLE = `(emit) => {
  const show = ${SHOW};
  const log = (...values) => { emit(values.map(show).join(" ")); };
  globalThis.console = Object.freeze({ log, info: log, warn: log, error: log, debug: log });
}`;

function createSink(maxChars) {
  const sink = { text: "", overflowed: false };
  sink.write = (line) => {
    if (sink.overflowed) return;
    const room = maxChars - sink.text.length;
    if (line.length + 1 > room) {
      sink.text += `${line}\n`.slice(0, Math.max(0, room));
      sink.overflowed = true;
    } else sink.text += `${line}\n`;
  };
  return sink;
}

// Never unwrapResult here: a failed call's error handle must be disposed, or freeing the
// runtime aborts the whole WebAssembly module.
function callWith(vm, source, argument) {
  const made = vm.evalCode(source);
  if (made.error) throw takeError(vm, made.error);
  try {
    const result = vm.callFunction(made.value, vm.undefined, argument);
    if (result.error) throw takeError(vm, result.error);
    return result.value;
  } finally {
    made.value.dispose();
  }
}

function takeError(vm, handle) {
  const error = vm.dump(handle);
  handle.dispose();
  return { name: String(error?.name ?? "Error"), message: String(error?.message ?? error) };
}

function settle(vm, handle) {
  if (vm.typeof(handle) !== "object") return handle;
  const jobs = vm.runtime.executePendingJobs();
  if (jobs.error) {
    handle.dispose();
    throw takeError(vm, jobs.error);
  }
  const state = vm.getPromiseState(handle);
  if (state.type === "fulfilled" && state.notAPromise) return handle;
  handle.dispose();
  if (state.type === "fulfilled") return state.value;
  if (state.type === "rejected") throw takeError(vm, state.error);
  throw { name: "Error", message: "the script returned a promise that never settles" };
}

function installConsole(vm, sink) {
  const emit = vm.newFunction("emit", (line) => {
    sink.write(vm.typeof(line) === "string" ? vm.getString(line) : "");
  });
  try {
    callWith(vm, CONSOLE, emit).dispose();
  } finally {
    emit.dispose();
  }
}

async function run({ code, limits }) {
  const quickjs = await getQuickJS();
  const runtime = quickjs.newRuntime();
  const sink = createSink(limits.maxOutputChars);
  const vm = runtime.newContext();
  try {
    installConsole(vm, sink);
    const started = Date.now();
    const deadline = shouldInterruptAfterDeadline(started + limits.timeoutMs);
    runtime.setMemoryLimit(limits.memoryLimitBytes);
    runtime.setMaxStackSize(limits.maxStackBytes);
    runtime.setInterruptHandler((rt) => sink.overflowed || deadline(rt));
    const result = vm.evalCode(code, "script.js");
    if (result.error) throw takeError(vm, result.error);
    const settled = settle(vm, result.value);
    let text;
    try {
      text = callWith(vm, SHOW, settled);
    } finally {
      settled.dispose();
    }
    const value = vm.getString(text).slice(0, limits.maxOutputChars);
    text.dispose();
    return { ok: true, value, output: sink.text, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, error, overflowed: sink.overflowed, output: sink.text };
  } finally {
    vm.dispose();
    runtime.dispose();
  }
}

parentPort?.on("message", async (request) => {
  parentPort?.postMessage(await run(request));
});

// The host starts a run's clock only once the WebAssembly module is compiled and ready.
await getQuickJS();
parentPort?.postMessage({ ready: true });
