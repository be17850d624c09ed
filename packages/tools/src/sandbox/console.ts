import type { QuickJSContext } from "quickjs-emscripten";

/** Collects a script's output up to a limit; past it, `overflowed` makes the run stop. */
export interface OutputSink {
  write(line: string): void;
  text(): string;
  readonly overflowed: boolean;
}

export function createOutputSink(maxChars: number): OutputSink {
  let text = "";
  let overflowed = false;
  return {
    write(line) {
      if (overflowed) return;
      const room = maxChars - text.length;
      if (line.length + 1 > room) {
        text += `${line}\n`.slice(0, Math.max(0, room));
        overflowed = true;
        return;
      }
      text += `${line}\n`;
    },
    text: () => text,
    get overflowed() {
      return overflowed;
    },
  };
}

// Formatting happens inside the sandbox so that user-defined toString/toJSON run under its limits,
// and the host receives one plain string per call.
const CONSOLE_SOURCE = `(emit) => {
  const show = (value) => {
    if (typeof value === "string") return value;
    try { const json = JSON.stringify(value); return json === undefined ? String(value) : json; }
    catch { return String(value); }
  };
  const log = (...values) => { emit(values.map(show).join(" ")); };
  globalThis.console = Object.freeze({ log, info: log, warn: log, error: log, debug: log });
}`;

/** Gives the sandbox a `console` whose every method writes one line to `sink`. */
export function installConsole(vm: QuickJSContext, sink: OutputSink): void {
  const emit = vm.newFunction("emit", (line) => {
    sink.write(vm.typeof(line) === "string" ? vm.getString(line) : "");
  });
  const install = vm.unwrapResult(vm.evalCode(CONSOLE_SOURCE));
  try {
    vm.unwrapResult(vm.callFunction(install, vm.undefined, emit)).dispose();
  } finally {
    install.dispose();
    emit.dispose();
  }
}
