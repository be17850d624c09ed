import { checkPositiveInteger } from "./check-option.js";
import { GuardError } from "./errors.js";
import type { Guard, GuardVerdict } from "./verdict.js";

/** Options of {@link createLengthGuard}. */
export interface LengthGuardOptions {
  /**
   * Most Unicode code points an input may have.
   * @default 8000
   */
  readonly maxCharacters?: number;
  /** Most tokens an input may have; needs `countTokens`. No token limit when left out. */
  readonly maxTokens?: number;
  /** Counts the tokens of a text, e.g. `(text) => model.tokenize(text).length`. */
  readonly countTokens?: (text: string) => number | Promise<number>;
}

const name = "length";

/**
 * Flags an input longer than a character or a token limit. Characters are counted first, so a
 * huge input is refused before it is tokenized.
 *
 * @example
 * ```ts
 * const guard = createLengthGuard({ maxCharacters: 2000, maxTokens: 512, countTokens: (text) => model.tokenize(text).length });
 * const verdict = await guard.check(question); // { ok: false, reason: "Expected at most 2000 characters, got 2417." , ... }
 * ```
 */
export function createLengthGuard(options: LengthGuardOptions = {}): Guard {
  const maxCharacters = checkPositiveInteger(name, "maxCharacters", options.maxCharacters ?? 8000);
  const maxTokens =
    options.maxTokens === undefined
      ? undefined
      : checkPositiveInteger(name, "maxTokens", options.maxTokens);
  if (maxTokens !== undefined && typeof options.countTokens !== "function") {
    throw new GuardError(
      "INVALID_OPTION",
      "Expected `countTokens` with `maxTokens` for the length guard, got no way to count tokens.",
      { guard: name },
    );
  }
  return {
    name,
    async check(input): Promise<GuardVerdict> {
      const characters = countCodePoints(input);
      if (characters > maxCharacters) {
        return {
          ok: false,
          guard: name,
          reason: `Expected at most ${maxCharacters} characters, got ${characters}.`,
          measurement: { kind: "length", characters },
        };
      }
      if (maxTokens === undefined || !options.countTokens) {
        return { ok: true, guard: name, measurement: { kind: "length", characters } };
      }
      const tokens = await options.countTokens(input);
      const measurement = { kind: "length", characters, tokens } as const;
      if (tokens > maxTokens) {
        return {
          ok: false,
          guard: name,
          reason: `Expected at most ${maxTokens} tokens, got ${tokens}.`,
          measurement,
        };
      }
      return { ok: true, guard: name, measurement };
    },
  };
}

function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}
