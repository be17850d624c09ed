import type { PromptSegment } from "@deliberate/core/model";
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";

/** The tags around untrusted text that shares a message with the app's own instructions. */
export const UNTRUSTED_OPEN = "<untrusted-data>";
export const UNTRUSTED_CLOSE = "</untrusted-data>";

type Role = "system" | "user" | "assistant";

interface Run {
  readonly trusted: boolean;
  text: string;
}

/** Defuses tags inside untrusted text, so it can never close its own delimiter early. */
function escapeTags(text: string): string {
  return text.replace(/<(\/?)untrusted-data/gi, "<$1untrusted_data");
}

/**
 * The text of one message. Untrusted runs are wrapped in tags when the message also holds trusted
 * text (where data could pass for the app's instructions) and always in a system message (which
 * carries the most authority). A message that is wholly untrusted, such as the user's own turn,
 * stays as written, and so do assistant messages: they hold the model's own earlier thoughts, and
 * tags there would only teach it to write tags.
 */
function renderText(role: Role, runs: readonly Run[]): string {
  // Trusted whitespace (a newline between turns) instructs nothing, so it does not make a mix.
  const instructs = runs.some((run) => run.trusted && run.text.trim().length > 0);
  const mixed = instructs && runs.some((run) => !run.trusted);
  const delimit = role === "system" || (mixed && role === "user");
  return runs
    .map((run) =>
      run.trusted || !delimit
        ? run.text
        : `${UNTRUSTED_OPEN}${escapeTags(run.text)}${UNTRUSTED_CLOSE}`,
    )
    .join("");
}

function createMessage(role: Role, text: string): BaseMessage {
  if (role === "system") return new SystemMessage(text);
  if (role === "assistant") return new AIMessage(text);
  return new HumanMessage(text);
}

/**
 * Renders prompt segments as chat messages: one message for each run of segments of one role
 * (segments without a role are the user's), trusted and untrusted text kept apart as above.
 *
 * @example
 * ```ts
 * renderMessages([
 *   { role: "system", text: "Answer briefly.", trusted: true },
 *   { role: "user", text: "What is 2 + 2?" },
 * ]); // [SystemMessage("Answer briefly."), HumanMessage("What is 2 + 2?")]
 * ```
 */
export function renderMessages(segments: readonly PromptSegment[]): BaseMessage[] {
  const groups: { role: Role; runs: Run[] }[] = [];
  for (const segment of segments) {
    const role = segment.role ?? "user";
    const trusted = segment.trusted === true;
    let group = groups.at(-1);
    if (group?.role !== role) {
      group = { role, runs: [] };
      groups.push(group);
    }
    const last = group.runs.at(-1);
    if (last?.trusted === trusted) last.text += segment.text;
    else group.runs.push({ trusted, text: segment.text });
  }
  return groups
    .map((group) => ({ role: group.role, text: renderText(group.role, group.runs) }))
    .filter((message) => message.text.length > 0)
    .map((message) => createMessage(message.role, message.text));
}
