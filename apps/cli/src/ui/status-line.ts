import { formatDuration } from "@deliberate/core/options";
import type { SearchProgress } from "./search-progress.js";
import type { Terminal } from "./terminal.js";

const BAR_WIDTH = 12;
const REDRAW_MS = 100;

/**
 * Formats the status line: elapsed time against the budget as a bar, then the round once the search
 * has restarted, nodes, depth, best score and generated tokens per second.
 *
 * @example
 * ```ts
 * formatStatusLine(progress, 4_200, 30_000);
 * // "[██░░░░░░░░░░] 4.20s/30.0s · 37 nodes · depth 3 · best 1.00 · 812 tok/s"
 * ```
 */
export function formatStatusLine(
  progress: SearchProgress,
  elapsedMs: number,
  budgetMs: number,
): string {
  const filled = Math.min(BAR_WIDTH, Math.round((elapsedMs / budgetMs) * BAR_WIDTH));
  const bar = `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}]`;
  const rate = elapsedMs > 0 ? Math.round(progress.generatedTokens / (elapsedMs / 1000)) : 0;
  const best = progress.best === undefined ? "–" : progress.best.toFixed(2);
  return [
    `${bar} ${formatDuration(elapsedMs)}/${formatDuration(budgetMs)}`,
    ...(progress.round > 0 ? [`round ${progress.round}`] : []),
    `${progress.nodes} nodes`,
    `depth ${progress.depth}`,
    `best ${best}`,
    `${rate} tok/s`,
  ].join(" · ");
}

/** The live status line on stderr: redrawn in place while the search runs. */
export interface StatusLine {
  /** Removes the line and stops redrawing, before the answer is printed. */
  stop(): void;
}

/**
 * Starts redrawing the status line ten times a second on an interactive terminal; elsewhere it
 * draws nothing, so logs and pipes get only the answer.
 */
export function startStatusLine(
  progress: SearchProgress,
  budgetMs: number,
  terminal: Terminal,
): StatusLine {
  if (!terminal.interactive) return { stop: () => {} };
  const started = Date.now();
  const draw = () => {
    const line = formatStatusLine(progress, Date.now() - started, budgetMs).slice(
      0,
      terminal.columns - 1,
    );
    process.stderr.write(`\r\u001b[2K${line}`);
  };
  draw();
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      process.stderr.write("\r\u001b[2K");
    },
  };
}
