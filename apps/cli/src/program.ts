import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { ExitCode } from "./cli-error.js";
import { createAskCommand } from "./commands/ask.js";
import { createBenchCommand } from "./commands/bench.js";
import { createDemoCommand } from "./commands/demo.js";
import { createModelsCommand } from "./commands/models.js";
import { createPullCommand } from "./commands/pull.js";
import { createResumeCommand } from "./commands/resume.js";
import { createServeCommand } from "./commands/serve.js";
import { createSolveCommand } from "./commands/solve.js";
import { createViewCommand } from "./commands/view.js";
import { findExitCode, formatError } from "./report-error.js";

/** The version in apps/cli/package.json, one folder up from both src/ and dist/. */
function readVersion(): string {
  const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

const EPILOG = `
Exit codes: 0 answered, 1 error, 2 usage, 3 no answer within the budget, 130 Ctrl-C, 143 SIGTERM.
Docs: docs/cli.md`;

/** Builds the `deliberate` program; `done` receives the exit code of the command that ran. */
export function createProgram(done: (code: ExitCode) => void): Command {
  const program = new Command("deliberate")
    .description(
      "System 2 deliberation for language models: tree search over reasoning steps within a think-time budget",
    )
    .version(readVersion(), "-V, --version")
    .showSuggestionAfterError(true)
    .addHelpText("after", EPILOG);
  for (const create of [
    createAskCommand,
    createSolveCommand,
    createResumeCommand,
    createBenchCommand,
    createViewCommand,
    createPullCommand,
    createModelsCommand,
    createServeCommand,
    createDemoCommand,
  ]) {
    program.addCommand(create(done));
  }
  // Usage errors go out as one line: commander's suggestion joins the message.
  const outputError = (text: string, write: (text: string) => void) =>
    write(`${text.trim().replace(/\s*\n\s*/g, " ")}\n`);
  for (const command of [program, ...program.commands]) {
    command.exitOverride().configureOutput({ outputError });
  }
  return program;
}

/**
 * Runs the CLI on `argv` (as `process.argv`) and resolves with the exit code. Errors become one
 * line on stderr, with the stack trace under `--debug`; nothing is thrown.
 */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = ExitCode.answered;
  const program = createProgram((result) => {
    code = result;
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version asked for exit 0; help shown because no command was given is a usage error.
      return error.exitCode === 0 ? ExitCode.answered : ExitCode.usage;
    }
    process.stderr.write(`${formatError(error, argv.includes("--debug"))}\n`);
    return findExitCode(error);
  }
}
