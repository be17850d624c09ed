import { SingleBar } from "cli-progress";
import type { Terminal } from "./terminal.js";

/** Progress of one download, as the llama package reports it. */
export interface DownloadProgress {
  readonly downloadedBytes: number;
  readonly totalBytes: number;
}

/** Shows a download's progress on stderr; call `stop` when it is done or failed. */
export interface DownloadBar {
  update(progress: DownloadProgress): void;
  stop(): void;
}

const formatMegabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);

/**
 * Creates the progress bar of a model download: a redrawn bar on a terminal, and otherwise one
 * line when the download starts and one when it ends, so logs stay readable.
 */
export function createDownloadBar(label: string, terminal: Terminal): DownloadBar {
  let started = false;
  let last: DownloadProgress | undefined;
  const bar = terminal.interactive
    ? new SingleBar({
        stream: process.stderr,
        format: `${label} [{bar}] {percentage}% {done}/{size} MB`,
        barCompleteChar: "█",
        barIncompleteChar: "░",
        hideCursor: true,
        clearOnComplete: false,
      })
    : undefined;
  return {
    update(progress) {
      last = progress;
      const values = {
        done: formatMegabytes(progress.downloadedBytes),
        size: formatMegabytes(progress.totalBytes),
      };
      if (!started) {
        started = true;
        if (bar) bar.start(Math.max(1, progress.totalBytes), progress.downloadedBytes, values);
        else process.stderr.write(`${label}: ${values.size} MB\n`);
        return;
      }
      bar?.setTotal(Math.max(1, progress.totalBytes));
      bar?.update(progress.downloadedBytes, values);
    },
    stop() {
      if (!started) return;
      bar?.stop();
      if (!bar && last)
        process.stderr.write(`${label}: done, ${formatMegabytes(last.downloadedBytes)} MB\n`);
    },
  };
}
