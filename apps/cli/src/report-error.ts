import { CliError, ExitCode } from "./cli-error.js";
import { toSafeLine } from "./ui/terminal.js";

/** Codes of the packages' own errors that mean the command line asked for something impossible. */
const USAGE_CODES = new Set(["INVALID_OPTION", "INVALID_TASK", "INVALID_PUZZLE"]);

/** Errors of our packages carry a stable `code`; they are told apart by name, not by class. */
const PACKAGE_ERRORS = new Set([
  "DeliberateError",
  "EvaluationError",
  "LlamaError",
  "TaskError",
  "VizError",
]);

/** The exit code an error ends the process with. */
export function findExitCode(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (error instanceof Error && PACKAGE_ERRORS.has(error.name)) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && USAGE_CODES.has(code)) return ExitCode.usage;
  }
  return ExitCode.error;
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
  return error instanceof CliError || (error instanceof Error && PACKAGE_ERRORS.has(error.name))
    ? ""
    : " (run with --debug for the stack trace)";
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
