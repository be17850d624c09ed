import type { Result } from "@deliberate/core";
import { formatDuration } from "@deliberate/core/options";
import { toSafeLine } from "../ui/terminal.js";

const LIMIT_WORDS: Readonly<Record<string, string>> = {
  time: "the think time ran out",
  tokens: "the token budget ran out",
  promptTokens: "the prompt-token budget ran out",
  generatedTokens: "the generated-token budget ran out",
  nodes: "the node budget ran out",
  calls: "the model-call budget ran out",
};

/** Why the search stopped, in words: `solved`, `budget: the think time ran out`, ... */
export function describeStop(result: Result): string {
  if (result.stopReason === "budget") {
    return `budget (${LIMIT_WORDS[result.limit ?? ""] ?? "a limit was reached"})`;
  }
  if (result.stopReason === "cancelled") return "cancelled (interrupted; best answer so far)";
  if (result.stopReason === "exhausted") return "exhausted (no state left to explore)";
  if (result.stopReason === "settled") return "settled (enough paths agree on the answer)";
  if (result.stopReason === "failed")
    return `failed (${toSafeLine(result.error ?? "unknown error", 200)})`;
  if (result.stopReason === "blocked")
    return `blocked (by the ${toSafeLine(result.blocked?.guard ?? "input", 60)} guard)`;
  return result.stopReason;
}

/** The verdict mark after an answer: verified, rejected, or nothing for a task without a verifier. */
function describeVerdict(result: Result): string {
  if (result.verified === true) return "  ✓ verified";
  if (result.verified === false) return "  ✗ rejected by the task's verifier";
  return "";
}

/**
 * Formats a result for the terminal: the answer (or that there is none), the best path's thoughts,
 * and one line of what the search spent. Model text is stripped of control sequences.
 */
export function formatResult(result: Result): string {
  const lines: string[] = [];
  if (result.answer !== undefined) {
    lines.push(`answer: ${toSafeLine(result.answer, 500)}${describeVerdict(result)}`);
  } else if (result.stopReason === "cancelled") {
    lines.push("no answer before the search was stopped");
  } else if (result.stopReason === "blocked") {
    lines.push(formatBlocked(result));
  } else {
    lines.push("no answer within the budget");
  }
  const steps = result.best.path;
  if (steps.length > 0) {
    const what = result.answer === undefined ? "best partial path" : "best path";
    lines.push(`${what} (score ${result.best.score.toFixed(2)}):`);
    steps.forEach((step, index) => {
      const score = step.score === undefined ? "" : `  ${step.score.toFixed(2)}`;
      lines.push(`  ${index + 1}. ${toSafeLine(step.text, 200)}${score}`);
    });
  }
  lines.push(formatUsage(result));
  return lines.join("\n");
}

/**
 * Why a guard refused the question, in one line: the guard's name and reason (the guard's words,
 * which may quote the input: stripped of control sequences like any model text).
 */
export function formatBlocked(result: Result): string {
  const guard = toSafeLine(result.blocked?.guard ?? "an input", 60);
  const reason = toSafeLine(result.blocked?.reason ?? "no reason given", 300);
  return `not searched: the ${guard} guard refused the question. ${reason}`;
}

/** One line of why the search stopped and what it spent. */
export function formatUsage(result: Result): string {
  const { usage } = result;
  return [
    `stopped: ${describeStop(result)}`,
    `${usage.nodes} nodes`,
    formatDuration(usage.elapsedMs),
    `${usage.promptTokens} prompt + ${usage.generatedTokens} generated tokens`,
    `${usage.calls} model calls${result.tree.device ? ` on ${result.tree.device}` : ""}`,
  ].join(" · ");
}
