import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { AnytimeUsageError } from "./usage-error.js";

/** One puzzle attempted by one method at one budget and seed: a line of `runs.jsonl`. */
export interface RunRecord {
  /** The method spec, with `/shared` when the set shared one budget through thinkMany. */
  readonly method: string;
  readonly shared: boolean;
  /** Think time per puzzle in milliseconds (a shared run had `budgetMs × puzzles` in all). */
  readonly budgetMs: number;
  readonly seed: number;
  /** The seed think() got: `seed × 100003 + puzzleIndex` (shared: `seed × 100003` for all). */
  readonly thinkSeed: number;
  readonly model: string;
  readonly set: string;
  readonly puzzleIndex: number;
  readonly puzzle: string;
  /** The answer checked exactly with `game24Check`, whatever the engine claimed. */
  readonly solved: boolean;
  readonly answer?: string;
  /** Whether the engine called its answer verified. */
  readonly claimed: boolean;
  readonly stopReason: string;
  readonly promptTokens: number;
  readonly evaluatedPromptTokens: number;
  readonly generatedTokens: number;
  /** Total work: prompt tokens evaluated (after cache reuse) + generated tokens. */
  readonly workTokens: number;
  /** Prompt tokens as sent (before cache reuse) + generated tokens. */
  readonly totalTokens: number;
  readonly calls: number;
  readonly nodes: number;
  /** Wall seconds of this puzzle's search (a shared run: the engine's elapsed time for it). */
  readonly seconds: number;
  readonly machine: string;
  readonly loadAverage: number;
  readonly startedAt: string;
  readonly commit: string;
}

/** The identity a `--resume` run compares: method, budget, seed, set and puzzle. */
export function formatRecordKey(
  record: Pick<RunRecord, "method" | "budgetMs" | "seed" | "set" | "puzzle">,
): string {
  return [record.method, record.budgetMs, record.seed, record.set, record.puzzle].join("|");
}

const REQUIRED: readonly (keyof RunRecord)[] = [
  "method",
  "budgetMs",
  "seed",
  "set",
  "puzzle",
  "solved",
  "seconds",
  "workTokens",
];

function checkRecord(value: unknown, where: string): RunRecord {
  const record = value as Record<string, unknown>;
  const missing = REQUIRED.find(
    (key) => typeof value !== "object" || value === null || !(key in record),
  );
  if (missing !== undefined)
    throw new AnytimeUsageError(
      `Expected a run row with \`${missing}\` at ${where}, got ${JSON.stringify(value)?.slice(0, 120)}`,
    );
  return value as RunRecord;
}

/**
 * Reads rows from JSONL files, in order. A line that is not JSON (a run killed while writing it)
 * is skipped with a warning on stderr; JSON that is not a row is an error naming file and line.
 */
export async function readRunRecords(paths: readonly string[]): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new AnytimeUsageError(`Expected a runs file at ${path}, got ${String(error)}`);
    }
    text.split("\n").forEach((line, i) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        console.error(
          `Skipped ${path}:${i + 1}: not a JSON line (a run stopped while writing it?)`,
        );
        return;
      }
      records.push(checkRecord(value, `${path}:${i + 1}`));
    });
  }
  return records;
}

/** Appends one row as a JSON line, creating the directory when needed. */
export async function appendRunRecord(path: string, record: RunRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${JSON.stringify(record)}\n`);
}

/** Ends a file cut short mid-line with a newline, so the next row starts a line of its own. */
export async function closeLastLine(path: string): Promise<void> {
  const text = await readFile(path, "utf8").catch(() => "");
  if (text !== "" && !text.endsWith("\n")) await appendFile(path, "\n");
}
