// Phrases that address a model rather than state content: overriding its instructions, asking
// for its prompt, forging a chat turn or an answer. Decoded text is looked at, never obeyed.
const patterns: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}?\b(?:previous|prior|above|earlier|preceding|all|any|your|the|these|those)\b[^.\n]{0,24}?\b(?:instructions?|prompts?|rules?|directions?|guidelines?|messages?|context|constraints?)\b/i,
  /\bsystem[\s_-]*(?:prompt|message|instructions?)\b/i,
  /\b(?:reveal|print|show|repeat|output|leak|tell me)\b[^.\n]{0,30}?\b(?:instructions|password|secret|api[\s_-]?key|credentials)\b/i,
  /\b(?:you are now|from now on,? you|pretend (?:to be|you are)|act as (?:an?|the) (?:unrestricted|unfiltered|jailbroken))\b/i,
  /\b(?:jailbreak|developer mode|do anything now|DAN mode)\b/i,
  /\bnew instructions?\s*:/i,
  /\bfinal answer\s*:/i,
  /<\|(?:im_start|im_end|im_sep|system|user|assistant|endoftext|eot_id|start_header_id|end_header_id|begin_of_text|end_of_text)\|>/i,
  /\[\/?INST\]|<<\/?SYS>>|<\/?s>|<start_of_turn>|<end_of_turn>/i,
  /^\s*#{0,3}\s*(?:system|assistant|user|human|instruction)\s*:/im,
];

/**
 * The first instruction-like phrase in `text`, or `undefined`: an attempt to override a model's
 * instructions, read its prompt, forge a chat turn or forge an answer line.
 *
 * @example
 * ```ts
 * findInstructions("Please IGNORE all previous instructions"); // "IGNORE all previous instructions"
 * findInstructions("The cat sat on the mat."); // undefined
 * ```
 */
export function findInstructions(text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0].trim();
  }
  return undefined;
}
