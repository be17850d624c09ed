import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

/** A running example: its process and everything it printed so far. */
export interface ExampleRun {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves once the output matches `pattern`; rejects if the process ends first. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code once the process ends. */
  readonly exited: Promise<number | null>;
}

/** Starts `examples/<file>` the way its header says to run it. */
export function startExample(
  file: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): ExampleRun {
  const child = spawn(tsx, ["--conditions=@deliberate/source", `examples/${file}`, ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    for (const listener of listeners) listener();
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    child,
    exited,
    output: () => output,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          listeners.delete(check);
          resolve(match);
        };
        listeners.add(check);
        check();
        void exited.then(() => {
          if (listeners.delete(check))
            reject(new Error(`examples/${file} ended before printing ${pattern}:\n${output}`));
        });
      }),
  };
}

/** Runs `examples/<file>` to its end and gives its exit code and output. */
export async function runExample(
  file: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const run = startExample(file, args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}
