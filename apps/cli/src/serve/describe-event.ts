import type { SearchEvent, TreeNode } from "@deliberate/core";

/** Longest thought, in characters, a reasoning line repeats: the tree keeps the whole text. */
const MAX_THOUGHT_CHARS = 400;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_THOUGHT_CHARS ? `${flat.slice(0, MAX_THOUGHT_CHARS - 1)}…` : flat;
}

/**
 * One line of search progress for the `reasoning_content` stream, or `undefined` for an event a
 * reader gains nothing from (selections, budget ticks, the start and stop). `nodes` is the live
 * node list of the search's tree. A thought is the model's text: it goes out as JSON string data,
 * one line, never interpreted.
 */
export function describeEvent(event: SearchEvent, nodes: readonly TreeNode[]): string | undefined {
  switch (event.type) {
    case "created": {
      const node = nodes[event.id];
      return node ? `#${event.id} (after #${event.parent}): ${oneLine(node.text)}` : undefined;
    }
    case "scored":
      return `#${event.id} scored ${event.score.toFixed(2)}`;
    case "status":
      return event.status === "pruned" || event.status === "invalid" || event.status === "failed"
        ? `#${event.id} ${event.status}${event.reason ? `: ${oneLine(event.reason)}` : ""}`
        : undefined;
    case "solution":
      return `#${event.id} answers ${oneLine(event.answer)}${event.verified === true ? " (verified)" : event.verified === false ? " (rejected by the verifier)" : ""}`;
    case "restarted":
      return `round ${event.round}, temperature ${event.temperature.toFixed(1)}`;
    case "guarded":
      return event.verdict === "warn"
        ? `guard ${event.guard} warns: ${oneLine(event.reason ?? "")}`
        : undefined;
    case "callFailed":
      return `a ${event.call} call failed (attempt ${event.attempt} of ${event.attempts}): ${oneLine(event.error)}`;
    case "finalizing":
      return `finalizing from #${event.from}`;
    default:
      return undefined;
  }
}
