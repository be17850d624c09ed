/**
 * Cuts text where the first stop string starts. Providers that honour `stop` already did; the
 * cut makes the Model contract hold for those that ignore or refuse it.
 */
export function cutAtStop(
  text: string,
  stop: readonly string[] | undefined,
): { text: string; stopped: boolean } {
  let at = -1;
  for (const sequence of stop ?? []) {
    if (sequence.length === 0) continue;
    const found = text.indexOf(sequence);
    if (found >= 0 && (at < 0 || found < at)) at = found;
  }
  return at < 0 ? { text, stopped: false } : { text: text.slice(0, at), stopped: true };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The option a reply chose, for providers that cannot constrain output: the reply itself when it
 * is an option (case and surrounding space aside), else the option that appears first in it as a
 * whole word (the longest one on a tie). `undefined` when it names none.
 */
export function matchChoice(text: string, options: readonly string[]): string | undefined {
  const trimmed = text.trim().toLowerCase();
  const exact = options.find((option) => option.trim().toLowerCase() === trimmed);
  if (exact !== undefined) return exact;
  let best: { option: string; at: number } | undefined;
  for (const option of options) {
    const word = option.trim();
    if (word.length === 0) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, "iu");
    const at = pattern.exec(text)?.index;
    if (at === undefined) continue;
    if (!best || at < best.at || (at === best.at && option.length > best.option.length))
      best = { option, at };
  }
  return best?.option;
}

/** Text that is wholly or mostly one JSON value, normalized; `undefined` when none parses. */
export function extractJson(text: string): string | undefined {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1];
  if (fenced) candidates.push(fenced.trim());
  const start = text.search(/[{[]/);
  const end = Math.max(text.lastIndexOf("}"), text.lastIndexOf("]"));
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  for (const candidate of candidates) {
    try {
      return JSON.stringify(JSON.parse(candidate));
    } catch {
      // The next candidate may parse: models wrap JSON in prose or code fences.
    }
  }
  return undefined;
}
