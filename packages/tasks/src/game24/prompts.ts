import type { PromptSegment } from "@deliberate/core/model";
import type { TaskPrompt } from "@deliberate/core/task";
import type { Game24Profile } from "./format.js";
import { buildGame24Grammar } from "./grammar.js";
import {
  PAPER_PROPOSE_PROMPT,
  PAPER_VALUE_LAST_STEP_PROMPT,
  PAPER_VALUE_PROMPT,
} from "./paper-prompts.js";
import { formatGame24Numbers, type Game24State } from "./state.js";

/** The three value words in the order of the value scale; the compact model writes a space first. */
export const GAME24_VALUE_WORDS = ["sure", "likely", "impossible"] as const;

/**
 * Fills a `{name}` template as two segments: the text before the first placeholder, shared by every
 * prompt of that kind so a backend can reuse its evaluation, then the rest. All of it is trusted:
 * the task wrote it from validated numbers, and no model text is in it.
 */
export function fillGame24Template(
  template: string,
  values: Readonly<Record<string, string>>,
): PromptSegment[] {
  const at = template.indexOf("{");
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  return [
    { role: "user", text: template.slice(0, at), trusted: true },
    { role: "user", text: fill(template.slice(at)), trusted: true },
  ];
}

function numbersOf(state: Game24State): string {
  return formatGame24Numbers(state.left.map((n) => n.value));
}

/** Prompt for one next step: the paper's propose prompt cut at the first line, or `4 9 10 13 |`. */
export function buildGame24StepPrompt(
  state: Game24State,
  profile: Game24Profile,
  constrain: boolean,
): TaskPrompt {
  const constraint = constrain
    ? { kind: "gbnf" as const, grammar: buildGame24Grammar(state, profile) }
    : undefined;
  if (profile === "compact") {
    return {
      segments: [{ text: `${numbersOf(state)} |`, trusted: true }],
      stop: ["\n"],
      maxTokens: 32,
      constraint,
    };
  }
  const segments = fillGame24Template(PAPER_PROPOSE_PROMPT, { input: numbersOf(state) });
  return { segments, stop: ["\n"], maxTokens: 48, constraint };
}

/** Prompt for several next steps, one a line (the paper's propose prompt). */
export function buildGame24ProposePrompt(
  state: Game24State,
  count: number,
  constrain: boolean,
): TaskPrompt {
  const grammar = buildGame24Grammar(state, "paper", Math.max(1, count));
  return {
    segments: fillGame24Template(PAPER_PROPOSE_PROMPT, { input: numbersOf(state) }),
    stop: ["\nInput:", "\n\n"],
    maxTokens: 40 * Math.max(1, count),
    constraint: constrain ? { kind: "gbnf", grammar } : undefined,
  };
}

/**
 * Prompt asking how promising the numbers left are. Paper: the few-shot value prompt, or for a
 * finished answer the last-step judge prompt. Compact: `4 4 10 :`, answered ` sure`. Constrained
 * to the three words; `constraint.options[i]` is `GAME24_VALUE_WORDS[i]` as the model writes it.
 */
export function buildGame24ValuePrompt(
  state: Game24State,
  profile: Game24Profile,
  answer?: string,
): TaskPrompt {
  if (profile === "compact") {
    const options = GAME24_VALUE_WORDS.map((w) => ` ${w}`);
    return {
      segments: [{ text: `${numbersOf(state)} :`, trusted: true }],
      stop: ["\n"],
      maxTokens: 6,
      constraint: { kind: "choice", options },
    };
  }
  const segments =
    answer === undefined
      ? fillGame24Template(PAPER_VALUE_PROMPT, { input: numbersOf(state) })
      : fillGame24Template(PAPER_VALUE_LAST_STEP_PROMPT, { input: state.puzzle.join(" "), answer });
  return {
    segments,
    maxTokens: 120,
    constraint: { kind: "choice", options: [...GAME24_VALUE_WORDS] },
  };
}
