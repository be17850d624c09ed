import { resolve } from "node:path";
import { type Result, saveTree } from "@deliberate/core";
import { writeTextAtomic } from "@deliberate/core/tree";
import { renderHtml, renderText } from "@deliberate/viz";
import { ExitCode } from "../cli-error.js";
import type { ThinkFlags } from "../options/think-flags.js";
import { formatResult } from "../output/format-result.js";
import { stringifyJson, toResultJson } from "../output/result-json.js";
import { describeTerminal } from "../ui/terminal.js";
import type { StopSignalName } from "./stop-signals.js";

/**
 * Saves and prints a finished search: the tree (`--save`, atomic), the viewer (`--html`), then the
 * answer as text or JSON on stdout. Files are written before anything is printed, so a reader of
 * the output can open them at once. Returns the exit code.
 */
export async function reportResult(
  result: Result,
  flags: ThinkFlags,
  signal: StopSignalName | undefined,
): Promise<ExitCode> {
  const tree = flags.save ? resolve(flags.save) : undefined;
  const html = flags.html ? resolve(flags.html) : undefined;
  if (tree) await saveTree(tree, result.tree);
  if (html) await writeTextAtomic(html, renderHtml(result.tree));
  if (flags.json) {
    const json = toResultJson(result, {
      model: flags.model,
      ...(signal ? { signal } : {}),
      ...(tree ? { tree } : {}),
      ...(html ? { html } : {}),
    });
    process.stdout.write(`${stringifyJson(json)}\n`);
  } else {
    process.stdout.write(`${formatResult(result)}\n`);
    if (flags.verbose) {
      const color = describeTerminal(process.stdout).color;
      process.stdout.write(`\n${renderText(result.tree, { color })}\n`);
    }
    if (result.stopReason === "blocked") process.stderr.write(`${BLOCKED_HINT}\n`);
    if (tree) process.stderr.write(`tree saved to ${tree}\n`);
    if (html) process.stderr.write(`viewer written to ${html} (open it in a browser)\n`);
  }
  return findResultExitCode(result, signal);
}

/** What a user whose question was refused can do about it. */
const BLOCKED_HINT =
  "The question was not searched (exit 4). Shorten or rephrase it, raise --max-input-chars, or think anyway with --guards-warn (the verdict is kept in the tree) or --no-guards.";

/** The exit code of a finished search: see {@link ExitCode}. */
export function findResultExitCode(result: Result, signal: string | undefined): ExitCode {
  if (signal === "SIGINT") return ExitCode.interrupted;
  if (signal === "SIGTERM") return ExitCode.terminated;
  if (result.stopReason === "failed") return ExitCode.error;
  if (result.stopReason === "blocked") return ExitCode.blocked;
  if (result.answer !== undefined && result.verified !== false) return ExitCode.answered;
  return ExitCode.noAnswer;
}
