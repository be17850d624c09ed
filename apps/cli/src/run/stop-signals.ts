import { ExitCode } from "../cli-error.js";

/** The signals that stop a search gracefully. */
export type StopSignalName = "SIGINT" | "SIGTERM";

/** Watches SIGINT and SIGTERM while a command runs. */
export interface StopSignals {
  /** Aborted at the first signal: it cancels a download, a load or the search. */
  readonly signal: AbortSignal;
  /** The first signal received, if any. */
  received(): StopSignalName | undefined;
  /** Removes the handlers, giving the signals their default behaviour back. */
  dispose(): void;
}

/** The exit code a process stopped by `name` ends with: 128 + the signal's number. */
export function findSignalExitCode(name: StopSignalName): ExitCode {
  return name === "SIGINT" ? ExitCode.interrupted : ExitCode.terminated;
}

/**
 * Turns the first SIGINT or SIGTERM into a graceful stop: the abort signal fires, and the command
 * goes on to print the best answer so far and save what it was asked to save. A second signal
 * exits at once, for a user who does not want to wait. `stopping` says what the command does
 * after the first signal.
 */
export function watchStopSignals(
  notify: (line: string) => void,
  stopping = "stopping the search with the best answer so far",
): StopSignals {
  const controller = new AbortController();
  let first: StopSignalName | undefined;
  const handle = (name: StopSignalName) => {
    if (first !== undefined) {
      process.exit(findSignalExitCode(first));
    }
    first = name;
    notify(
      `${name === "SIGINT" ? "interrupted" : "terminated"}: ${stopping} (send it again to quit at once)`,
    );
    controller.abort(new Error(`stopped by ${name}`));
  };
  const onInt = () => handle("SIGINT");
  const onTerm = () => handle("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return {
    signal: controller.signal,
    received: () => first,
    dispose() {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    },
  };
}
