import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliRun, makeTempDir, runCli } from "./helpers/run-cli.js";

/** A bad command line gets one line on stderr, no output, and no stack trace. */
function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe("deliberate on bad input", () => {
  it("names an unknown flag and exits 2", async () => {
    const run = await runCli(["ask", "hi", "--thnk", "5s"]);
    expect(run.code).toBe(2);
    expectOneLineError(run, /^error: unknown option '--thnk'.*--think/);
  });

  it("names a bad duration and exits 2", async () => {
    const run = await runCli(["ask", "hi", "--model", "synthetic:tiny", "--think", "soon"]);
    expect(run.code).toBe(2);
    expectOneLineError(run, /^error: option '-t, --think <duration>' argument 'soon' is invalid/);
  });

  it("names a missing model file and exits 1", async () => {
    const missing = join(makeTempDir(), "nowhere.gguf");
    const run = await runCli(["ask", "hi", "--model", missing, "--think", "1s"]);
    expect(run.code).toBe(1);
    expectOneLineError(
      run,
      /^error: Expected a GGUF model file at .*nowhere\.gguf, got no such file/,
    );
  });

  it("refuses a strategy knob the strategy has no use for, and exits 2", async () => {
    const run = await runCli(["solve", "game24", "4 9 10 13", "--strategy", "dfs", "--width", "3"]);
    expect(run.code).toBe(2);
    expectOneLineError(
      run,
      /^error: --width applies to the beam strategy, not to --strategy dfs\./,
    );
  });

  it("names a puzzle it cannot read, and exits 2", async () => {
    const run = await runCli(["solve", "game24", "4 nine 10 13", "--model", "synthetic:tiny"]);
    expect(run.code).toBe(2);
    expectOneLineError(run, /^error: Expected the puzzle as integers separated by spaces/);
  });

  it("prints the stack trace of an error under --debug", async () => {
    const missing = join(makeTempDir(), "nowhere.gguf");
    const run = await runCli(["ask", "hi", "--model", missing, "--debug"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/LlamaError: Expected a GGUF model file[^\n]*\n\s+at /);
  });
});
