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
  it.each(["ask", "solve", "bench", "view", "pull", "models", "demo"])(
    "prints help with examples for %s",
    async (name) => {
      const { out, error } = await capture([name, "--help"]);
      expect((error as CommanderError).code).toBe("commander.helpDisplayed");
      expect(out).toContain(`Usage: deliberate ${name}`);
      expect(out).toContain("Examples:");
    },
  );

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
