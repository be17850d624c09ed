/**
 * A mistake in the command line: `main.ts` prints the message and exits with status 2, the usual
 * status of a usage error, instead of 1 (a failure while running).
 */
export class AnytimeUsageError extends Error {
  /** The process exit status for this error. */
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = "AnytimeUsageError";
  }
}
