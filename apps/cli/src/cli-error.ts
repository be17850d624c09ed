import { DeliberateError } from "@deliberate/core";

/**
 * Exit codes of the `deliberate` command, documented in docs/cli.md. Scripts branch on them.
 */
export const ExitCode = {
  /** An answer was found (and, for a task with a verifier, it verified). */
  answered: 0,
  /** Something the command was pointed at failed: a model file, a tree file, the network. */
  error: 1,
  /** The command line itself is wrong: an unknown flag, a bad value, a missing argument. */
  usage: 2,
  /** The search stopped without an answer within its budget. */
  noAnswer: 3,
  /** An input guard refused the question: nothing was searched. */
  blocked: 4,
  /** Stopped by Ctrl-C (SIGINT): 128 + 2. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Stable codes of {@link CliError}: the command line is wrong, or what it pointed at failed. */
export type CliErrorCode = "INVALID_USAGE" | "COMMAND_FAILED";

/**
 * An error the CLI raises itself, with the exit code it ends the process with. Its message is one
 * line that says what was expected and what came. A `DeliberateError`, like every package's.
 */
export class CliError extends DeliberateError<CliErrorCode> {
  override readonly name = "CliError";
  readonly exitCode: ExitCode;

  constructor(
    message: string,
    exitCode: ExitCode = ExitCode.error,
    options: { cause?: unknown } = {},
  ) {
    super(exitCode === ExitCode.usage ? "INVALID_USAGE" : "COMMAND_FAILED", message, options);
    this.exitCode = exitCode;
  }
}

/** Creates a {@link CliError} about the command line (exit code 2). */
export function createUsageError(message: string): CliError {
  return new CliError(message, ExitCode.usage);
}
