/**
 * The text pieces of the tiny reasoner's vocabulary, one character each, in id order after
 * llama2's fixed tokens (`<unk>`, `<s>`, `</s>`, 256 bytes). Single characters keep every number
 * spelled digit by digit, so the model does arithmetic on digits it has seen, never on
 * whole-number tokens it may not have. Parentheses are there because the legal-move grammar can
 * write a negative or fractional operand as `(-5)`.
 */
export const TINY_REASONER_PIECES: readonly string[] = Object.freeze([
  " ",
  ..."0123456789",
  ..."+-*/=|:>()",
  ..."surelikympob",
]);

/** Characters a training line may hold: a line with any other character is a bug in the data. */
export function isTinyReasonerText(text: string): boolean {
  return Array.from(text).every((character) => TINY_REASONER_PIECES.includes(character));
}
