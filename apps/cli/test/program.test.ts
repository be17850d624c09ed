import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../src/cli-error.js";
import { createProgram } from "../src/program.js";

/** Runs the program in-process with its output captured instead of written. */
async function capture(args: readonly string[]) {
  let out = "";
  let err = "";
  const program = createProgram(() => {});
  for (const command of [program, ...program.commands]) {
    command.configureOutput({
      writeOut: (text) => {
        out += text;
      },
      writeErr: (text) => {
        err += text;
      },
    });
  }
  let error: unknown;
  await program.parseAsync(["node", "deliberate", ...args]).catch((thrown: unknown) => {
    error = thrown;
  });
  return { out, err, error };
}

describe("the deliberate program", () => {
  it.each(["ask", "solve", "bench", "view", "pull", "models", "demo", "serve"])(
    "prints help with examples for %s",
    async (name) => {
      const { out, error } = await capture([name, "--help"]);
      expect((error as CommanderError).code).toBe("commander.helpDisplayed");
      expect(out).toContain(`Usage: deliberate ${name}`);
      expect(out).toContain("Examples:");
    },
  );

  it("names every kind of --model, builtin: included, in the help of ask and solve", async () => {
    for (const name of ["ask", "solve", "bench"]) {
      const { out } = await capture([name, "--help"]);
      const flat = out.replace(/\s+/g, " ");
      expect(flat, name).toContain(
        "-m, --model <model> GGUF file, hf: URI, https URL, synthetic:<name> or builtin:<name>",
      );
    }
  });

  it.each(["ask", "solve", "bench", "view", "pull", "models", "demo", "resume", "serve"])(
    "shows the defaults in the help of %s as a user would type them",
    async (name) => {
      const { out } = await capture([name, "--help"]);
      const flat = out.replace(/\s+/g, " ");
      // No number in quotes, and a think time as a duration, not in milliseconds.
      expect(flat).not.toMatch(/\(default: "-?[\d.,]+"\)/);
      if (/--think/.test(flat)) expect(flat).toMatch(/--think <duration> [^()]*\(default: 30s\)/);
    },
  );

  it("shows bench's numeric defaults unquoted", async () => {
    const flat = (await capture(["bench", "--help"])).out.replace(/\s+/g, " ");
    for (const shown of [
      "--cases <n> Game-of-24 puzzles (default: 3)",
      "--seed <n> base seed of the cases (default: 0)",
      "--branching <n> searches: thoughts per expansion (default: 8)",
      "--samples <n> cot-sc: samples (default: 10)",
      "--temperature <x> sampling temperature, 0 to 2 (default: 0.7)",
      "--max-nodes <n> most nodes one search may grow (default: 2000)",
      "--concurrency <n> model calls in flight at once (default: 4)",
      "(default: 1s,2s,5s)",
    ]) {
      expect(flat).toContain(shown);
    }
  });

  it("lists every command and the exit codes in its help", async () => {
    const { out } = await capture(["--help"]);
    for (const name of ["ask", "solve", "view", "pull", "models", "demo"])
      expect(out).toContain(name);
    expect(out).toContain("Exit codes: 0 answered, 1 error, 2 usage, 3 no answer");
  });

  it("prints its version", async () => {
    const { out, error } = await capture(["--version"]);
    expect((error as CommanderError).code).toBe("commander.version");
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("reports an unknown flag as one line", async () => {
    const { err, error } = await capture(["ask", "hi", "--jsn"]);
    expect(error).toBeInstanceOf(CommanderError);
    expect(err).toBe("error: unknown option '--jsn' (Did you mean --json?)\n");
    expect(ExitCode.usage).toBe(2);
  });
});
