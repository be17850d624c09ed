import { isBaseMessage } from "@langchain/core/messages";

/**
 * A failure the tool itself reported (a `ToolMessage` with `status: "error"`, or an artifact
 * `{ ok: false, code, message }` as `observeToolCall` gives). It is thrown only for the engine,
 * which turns it into the error observation `Error (CODE): message` on the branch.
 */
class ReportedToolError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function readText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((block) =>
        typeof block === "string"
          ? block
          : typeof block?.text === "string"
            ? block.text
            : JSON.stringify(block),
      )
      .join("");
  }
  return JSON.stringify(content) ?? String(content);
}

function readErrorArtifact(artifact: unknown): ReportedToolError | undefined {
  if (typeof artifact !== "object" || artifact === null) return undefined;
  const { ok, code, message } = artifact as { ok?: unknown; code?: unknown; message?: unknown };
  if (ok !== false || typeof code !== "string" || typeof message !== "string") return undefined;
  return new ReportedToolError(code, message);
}

/** The text a LangChain tool's reply holds; a failure the tool reported is thrown. */
export function readToolOutput(reply: unknown): string {
  if (!isBaseMessage(reply)) return readText(reply);
  const message = reply as unknown as { status?: unknown; artifact?: unknown; content: unknown };
  const reported = readErrorArtifact(message.artifact);
  if (reported) throw reported;
  const text = readText(message.content);
  if (message.status === "error") throw new ReportedToolError("TOOL_ERROR", text);
  return text;
}
