import type { ThinkInput } from "@deliberate/core";
import type { GuardOption } from "@deliberate/core/plugins";

/**
 * Whether one of the guards `ask` and `solve` built would block the question. The CLI asks only
 * when its context check refuses the question, so a question the guards refuse is reported as
 * blocked (exit 4, the verdicts in the tree) rather than as too long for the model: the search
 * then blocks it itself, and a question that fits is never guarded twice.
 */
export async function findsGuardBlock(
  guards: readonly GuardOption[] | undefined,
  input: ThinkInput,
): Promise<boolean> {
  const question = typeof input === "string" ? input : input.question;
  for (const option of guards ?? []) {
    const guard = "guard" in option ? option.guard : option;
    const onFlag = ("guard" in option ? option.onFlag : undefined) ?? "block";
    if (onFlag !== "block") continue;
    // A guard that fails is the search's to report, with the guard's name.
    const verdict = await Promise.resolve(guard.check(question, {})).catch(() => undefined);
    if (verdict?.ok === false) return true;
  }
  return false;
}
