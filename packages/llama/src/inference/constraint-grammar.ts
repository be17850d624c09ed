import type { OutputConstraint } from "@deliberate/core/model";
import type { Llama, LlamaGrammar } from "node-llama-cpp";

/** Quotes text as a GBNF string literal. */
export function quoteGbnf(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t]/g, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (char === "\t") return "\\t";
    return `\\${char}`;
  });
  return `"${escaped}"`;
}

/**
 * The GBNF grammar that lets a model write exactly one of `options`.
 *
 * @example
 * ```ts
 * buildChoiceGbnf(["sure", "likely"]); // 'root ::= "sure" | "likely"'
 * ```
 */
export function buildChoiceGbnf(options: readonly string[]): string {
  if (options.length === 0) {
    throw new Error("Expected a choice constraint with at least one option, got none.");
  }
  return `root ::= ${options.map(quoteGbnf).join(" | ")}`;
}

/**
 * Compiles constraints into llama.cpp grammars, once each: a search asks for the same value or
 * vote grammar thousands of times.
 */
export class GrammarCache {
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();

  constructor(private readonly llama: Llama) {}

  get(constraint: OutputConstraint): Promise<LlamaGrammar> {
    const key = JSON.stringify(constraint);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      grammar = this.compile(constraint);
      this.grammars.set(key, grammar);
      grammar.catch(() => this.grammars.delete(key));
    }
    return grammar;
  }

  private compile(constraint: OutputConstraint): Promise<LlamaGrammar> {
    switch (constraint.kind) {
      case "choice":
        return this.llama.createGrammar({ grammar: buildChoiceGbnf(constraint.options) });
      case "gbnf":
        return this.llama.createGrammar({ grammar: constraint.grammar });
      case "json-schema":
        return this.llama.createGrammarForJsonSchema(constraint.schema as never);
    }
  }
}
