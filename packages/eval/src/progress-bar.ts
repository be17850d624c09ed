import { formatDuration } from "@deliberate/core/options";
import type { EvaluationProgress } from "./progress.js";
import { formatThinkTime } from "./think-time.js";

/** A progress display: give it every progress report, then stop it. */
export interface ProgressBar {
  update(progress: EvaluationProgress): void;
  stop(): void;
}

const BAR_WIDTH = 24;

/** One line: bar, count, percent, elapsed, ETA and what just finished. */
export function formatProgressLine(progress: EvaluationProgress): string {
  const share = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}`;
  const eta = progress.etaMs === undefined ? "?" : formatDuration(progress.etaMs);
  return (
    `${bar} ${progress.done}/${progress.total} ${Math.round(share * 100)}% · ` +
    `${formatDuration(progress.elapsedMs)} elapsed · ETA ${eta} · ` +
    `${progress.method} @ ${formatThinkTime(progress.budgetMs)} · ${progress.case}`
  );
}

/**
 * A progress bar with ETA on a stream (stderr by default, so `--json` on stdout stays clean).
 * On a terminal it redraws one line; elsewhere (a log, CI) it prints a line every tenth of the way.
 *
 * @example
 * ```ts
 * const bar = createProgressBar();
 * const report = await runEvaluation(options, { onProgress: (p) => bar.update(p) });
 * bar.stop();
 * ```
 */
export function createProgressBar(
  stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } = process.stderr,
): ProgressBar {
  let shown = false;
  let lastTenth = -1;
  return {
    update(progress) {
      const line = formatProgressLine(progress);
      if (stream.isTTY) {
        const width = (stream.columns ?? 100) - 1;
        stream.write(`\r${line.slice(0, width).padEnd(width)}`);
        shown = true;
        return;
      }
      const tenth = Math.floor((progress.done / Math.max(1, progress.total)) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${line}\n`);
    },
    stop() {
      if (shown) stream.write("\n");
      shown = false;
    },
  };
}
