import { createRandom, createScriptedModel, type ScriptedCall } from "@deliberate/core/testing";
import { canReachGame24 } from "@deliberate/tasks";

/** The quoted alternatives of a grammar's step rule: every legal step on the numbers left. */
function listGrammarSteps(grammar: string): string[] {
  const rule = grammar.split("\n").find((line) => /^(step|root) ::= "/.test(line)) ?? "";
  return [...rule.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) =>
    (m[1] ?? "").replace(/\\(.)/g, "$1"),
  );
}

function hashText(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** Options of {@link createLegalMoveModel}. */
export interface LegalMoveModelOptions {
  /** The single-pass reply, by prompt. @default no answer */
  readonly trace?: (prompt: string) => string;
  /** Always take the grammar's first step instead of a seeded one. @default false */
  readonly firstStep?: boolean;
  /**
   * How often a step is the first legal one after which 24 can still be made, as a model that
   * knows the game a little: at 1 every chain on a solvable puzzle solves it. @default 0
   */
  readonly solving?: number;
}

/** The numbers a compact step leaves: `"13-9=4 | 4 4 10"` → `["4", "4", "10"]`. */
function leftAfter(step: string): string[] {
  return (step.split("|").at(-1) ?? "").trim().split(/\s+/);
}

/**
 * A scripted model with no knowledge, as a random-weight model under llama.cpp's grammar
 * sampling: under a grammar it writes one legal step chosen by the completion's seed, under a
 * choice one option, and its value probabilities are a hash of the prompt. Tokens are words.
 */
export function createLegalMoveModel(options: LegalMoveModelOptions = {}) {
  const reply = (call: ScriptedCall) => {
    const constraint = call.request.constraint;
    if (constraint?.kind === "gbnf") {
      const steps = listGrammarSteps(constraint.grammar);
      const random = createRandom(call.seed * 7919 + 1);
      if (options.solving !== undefined && options.solving > random()) {
        return steps.find((step) => canReachGame24(leftAfter(step))) ?? steps[0] ?? "";
      }
      const pick = options.firstStep ? 0 : Math.floor(random() * steps.length);
      return steps[pick] ?? "";
    }
    if (constraint?.kind === "choice")
      return constraint.options[call.seed % constraint.options.length] ?? "";
    return options.trace?.(call.prompt) ?? "no idea";
  };
  return createScriptedModel({
    id: "legal-moves",
    rules: [{ match: () => true, reply }],
    scoreOptions: (prompt, choices) => {
      const random = createRandom(hashText(prompt));
      const raw = choices.map(() => random() + 0.01);
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((value) => value / sum);
    },
  });
}
