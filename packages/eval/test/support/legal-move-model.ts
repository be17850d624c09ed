import { createRandom, createScriptedModel, type ScriptedCall } from "@deliberate/core/testing";

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
      const pick = options.firstStep
        ? 0
        : Math.floor(createRandom(call.seed * 7919 + 1)() * steps.length);
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
