import { isDeliberateError } from "@deliberate/core";
import { CliError, ExitCode } from "./cli-error.js";
import { toSafeLine } from "./ui/terminal.js";

/** Codes of the packages' own errors that mean the command line asked for something impossible. */
const USAGE_CODES = ["INVALID_OPTION", "INVALID_TASK", "INVALID_PUZZLE"];

/** The exit code an error ends the process with. */
export function findExitCode(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  return isDeliberateError(error, ...USAGE_CODES) ? ExitCode.usage : ExitCode.error;
}

/**
 * Formats an error for stderr: one line naming the problem, or the stack trace with `debug`.
 * Messages are flattened because a message may quote user or model text.
 */
export function formatError(error: unknown, debug: boolean): string {
  if (debug && error instanceof Error && error.stack) return formatDebug(error);
  const message = error instanceof Error ? error.message : String(error);
  const line = toSafeLine(message);
  return `error: ${line}${debug ? "" : hintDebug(error)}`;
}

function hintDebug(error: unknown): string {
  // An error of ours already says what went wrong; anything else is a bug worth a stack trace.
  return isDeliberateError(error) ? "" : " (run with --debug for the stack trace)";
}

function formatDebug(error: Error): string {
  const lines = [error.stack ?? String(error)];
  let cause = error.cause;
  while (cause instanceof Error) {
    lines.push(`caused by: ${cause.stack ?? cause.message}`);
    cause = cause.cause;
  }
  return lines.join("\n");
}
