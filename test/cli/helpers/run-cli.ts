import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "apps/cli/src/bin.ts");
const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** One cache for every CLI run of a test process: synthetic:tiny is written into it once. */
const cache = mkdtempSync(join(tmpdir(), "deliberate-cli-cache-"));

/** What a finished CLI run left behind. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where the CLI runs, and what it reads on stdin (nothing unless given). */
export interface CliOptions {
  readonly cwd?: string;
  readonly input?: string;
}

/** A CLI process still running, with its output so far. */
export interface RunningCli {
  readonly child: ChildProcess;
  /** Resolves with stderr so far once it contains `text`. */
  waitForStderr(text: string): Promise<string>;
  readonly done: Promise<CliRun>;
}

/**
 * Starts `deliberate <args>` as a user would run it from source: node with the source condition
 * and tsx, in `cwd`, with its own model cache and no colours or TTY.
 */
export function startCli(args: readonly string[], options: CliOptions = {}): RunningCli {
  const child = spawn(
    process.execPath,
    ["--conditions=@deliberate/source", "--import", tsx, bin, ...args],
    {
      cwd: options.cwd ?? root,
      env: { ...process.env, DELIBERATE_CACHE: cache, NO_COLOR: "1", FORCE_COLOR: "0" },
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    },
  );
  child.stdin?.end(options.input);
  let stdout = "";
  let stderr = "";
  const waiters: { text: string; resolve: (stderr: string) => void }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    for (const waiter of waiters.filter((w) => stderr.includes(w.text))) waiter.resolve(stderr);
  });
  const done = new Promise<CliRun>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    waitForStderr: (text) =>
      new Promise<string>((resolve, reject) => {
        if (stderr.includes(text)) return resolve(stderr);
        waiters.push({ text, resolve });
        void done.then(() =>
          reject(new Error(`the CLI exited before printing "${text}":\n${stderr}`)),
        );
      }),
  };
}

/** Runs `deliberate <args>` to the end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** A fresh temporary folder for a test's output files. */
export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), "deliberate-cli-"));
}
