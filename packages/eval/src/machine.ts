import { cpus, loadavg, totalmem } from "node:os";

/** The machine a run is measured on, without its load. */
export function describeMachine() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The one-minute load average: on a shared machine it says how much the timings are worth. */
export function readLoadAverage(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
