import type { Model } from "@deliberate/core";
import type { ModelRequest } from "@deliberate/core/model";
import { createRandom } from "../../src/index.js";

// A model with no knowledge at all: under a GBNF constraint it picks one of the grammar's
// alternatives at random, under a choice constraint one option — what a random-weight model
// under llama.cpp's grammar sampling amounts to for these single-rule grammars.
export function createGrammarModel(): Model & { readonly calls: () => number } {
  let calls = 0;
  const reply = (request: ModelRequest, index: number): string => {
    const random = createRandom((request.seed ?? 0) * 7919 + index);
    const constraint = request.constraint;
    if (constraint?.kind === "choice")
      return constraint.options[Math.floor(random() * constraint.options.length)] ?? "";
    if (constraint?.kind !== "gbnf") return "";
    const stepRule =
      constraint.grammar.split("\n").find((line) => /^(step|root) ::= "/.test(line)) ?? "";
    const literals = [...stepRule.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) =>
      (m[1] ?? "").replace(/\\(.)/g, "$1"),
    );
    return literals[Math.floor(random() * literals.length)] ?? "";
  };
  return {
    id: "grammar-random",
    calls: () => calls,
    async generate(request) {
      calls++;
      const completions = Array.from({ length: request.n ?? 1 }, (_, i) => ({
        text: reply(request, i),
        finishReason: "stop" as const,
      }));
      const generated = completions.reduce((sum, c) => sum + c.text.length, 0);
      return {
        completions,
        usage: {
          promptTokens: 0,
          evaluatedPromptTokens: 0,
          generatedTokens: generated,
          calls: 1,
          forks: 0,
          ms: 0,
        },
      };
    },
  };
}
