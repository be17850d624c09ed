import { GuardError } from "./errors.js";
import type { Guard, GuardCheckOptions, GuardFailure, GuardVerdict } from "./verdict.js";

/** Every guard's verdict, in order, and the first failure when there is one. */
export type GuardReport =
  | { readonly ok: true; readonly verdicts: readonly GuardVerdict[] }
  | {
      readonly ok: false;
      readonly verdicts: readonly GuardVerdict[];
      readonly failure: GuardFailure;
    };

/**
 * Runs the guards on an input, one after the other, and collects every verdict: the app sees all
 * that was flagged and decides what to do (refuse, ask again, think with a smaller budget, log).
 * A guard that throws rejects with a {@link GuardError} `GUARD_FAILED` naming it.
 *
 * @example
 * ```ts
 * const guards = [createLengthGuard({ maxCharacters: 2000 }), createEncodedPayloadGuard()];
 * const report = await runGuards(guards, question);
 * if (!report.ok) return reply(400, report.failure.reason);
 * const result = await think(question, { model });
 * ```
 */
export async function runGuards(
  guards: readonly Guard[],
  input: string,
  options: GuardCheckOptions = {},
): Promise<GuardReport> {
  if (typeof input !== "string") {
    throw new GuardError(
      "INVALID_OPTION",
      `Expected the input to guard to be a string, got ${typeof input}.`,
    );
  }
  const verdicts: GuardVerdict[] = [];
  for (const guard of guards) {
    try {
      verdicts.push(await guard.check(input, options));
    } catch (error) {
      throw new GuardError(
        "GUARD_FAILED",
        `Expected a verdict from the ${guard.name} guard, got an error: ${error instanceof Error ? error.message : String(error)}`,
        { guard: guard.name, cause: error },
      );
    }
  }
  const failure = verdicts.find((verdict): verdict is GuardFailure => !verdict.ok);
  return failure ? { ok: false, verdicts, failure } : { ok: true, verdicts };
}
