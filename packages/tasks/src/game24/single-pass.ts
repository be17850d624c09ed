import type { TaskPrompt } from "@deliberate/core/task";
import { applyGame24Step } from "./apply-step.js";
import type { Game24Profile } from "./format.js";
import { PAPER_COT_PROMPT, PAPER_STANDARD_PROMPT } from "./paper-prompts.js";
import { fillGame24Template } from "./prompts.js";
import { createGame24State, type Game24State } from "./state.js";

/** The System 1 baselines: `io` answers at once, `cot` writes the steps first. */
export type Game24SinglePassStyle = "io" | "cot";

/**
 * A one-call prompt for the single-pass baselines of the evaluation harness. Paper: the 5-shot IO
 * or CoT prompt. Compact: the whole-trace format `4 9 10 13 >`, continued by the model as
 * ` 13-9=4 | 4 4 10 > 10-4=6 | 4 6 > 4*6=24 | 24` (both styles are the same there).
 *
 * @example
 * ```ts
 * const prompt = buildGame24SinglePassPrompt("4 9 10 13", "paper", "cot");
 * // reply → extractGame24Answer(reply, "4 9 10 13", "paper") → game24Check(...)
 * ```
 */
export function buildGame24SinglePassPrompt(
  puzzle: string | readonly number[],
  profile: Game24Profile,
  style: Game24SinglePassStyle,
): TaskPrompt {
  const numbers = createGame24State(puzzle).puzzle.join(" ");
  if (profile === "compact") {
    return { segments: [{ text: `${numbers} >`, trusted: true }], stop: ["\n"], maxTokens: 96 };
  }
  const template = style === "io" ? PAPER_STANDARD_PROMPT : PAPER_COT_PROMPT;
  return {
    segments: fillGame24Template(template, { input: numbers }),
    stop: ["\nInput:"],
    maxTokens: style === "io" ? 48 : 160,
  };
}

function replayCompactTrace(text: string, start: Game24State): string | undefined {
  let state = start;
  for (const part of text.split("\n")[0]?.split(">") ?? []) {
    if (part.trim() === "") continue;
    const outcome = applyGame24Step(part, state, "compact");
    if (outcome.kind === "invalid") return undefined;
    if (outcome.kind === "answer") return outcome.answer;
    state = outcome.state;
  }
  return undefined;
}

/**
 * The answer expression in a single-pass reply, or `undefined` when there is none. Paper: the
 * last `Answer:` line (else the last line with `=`), to check with `game24Check`. Compact: the
 * trace replayed step by step; an illegal or inexact step means no answer.
 */
export function extractGame24Answer(
  reply: string,
  puzzle: string | readonly number[],
  profile: Game24Profile,
): string | undefined {
  if (typeof reply !== "string") return undefined;
  if (profile === "compact") return replayCompactTrace(reply, createGame24State(puzzle));
  const lines = reply.split("\n").map((line) => line.trim());
  const answers = lines.filter((line) => /^answer\s*:/i.test(line));
  const chosen =
    answers.at(-1)?.replace(/^answer\s*:\s*/i, "") ?? lines.filter((l) => l.includes("=")).at(-1);
  return chosen === undefined || chosen === "" ? undefined : chosen;
}
