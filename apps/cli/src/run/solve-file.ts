import type { Task } from "@deliberate/core";
import { createUsageError, type ExitCode } from "../cli-error.js";
import type { GuardFlags } from "../options/guard-flags.js";
import type { ManyFlags } from "../options/many-flags.js";
import type { ThinkFlags } from "../options/think-flags.js";
import { TASKS } from "../tasks/task-catalog.js";
import { createFromLine, readInputLines } from "./read-input-lines.js";
import { type OpenManyModel, runMany } from "./run-many.js";

/**
 * `solve <task> --file <path>`: reads the inputs, makes each line a task (a malformed line is a
 * usage error naming it), and solves them all with one think-time pool.
 */
export async function solveFile(
  name: string,
  flags: ThinkFlags & ManyFlags & GuardFlags,
  create: (text: string) => Task<unknown>,
  open?: OpenManyModel,
): Promise<ExitCode> {
  if (!TASKS.some((task) => task.name === name)) {
    throw createUsageError(
      `Expected a task name (${TASKS.map((task) => task.name).join(", ")}), got "${name}".`,
    );
  }
  const path = flags.file ?? "-";
  const lines = await readInputLines(path);
  const source = path === "-" ? "stdin" : path;
  const inputs = lines.map((line) => createFromLine(line, source, create));
  // A task without a value prompt is scored by its own verifier unless told otherwise.
  const evaluator = flags.evaluator ?? (inputs[0]?.valuePrompt ? "value" : "verifier");
  const request = { task: name, lines, inputs, flags, defaults: { evaluator }, guards: flags };
  return open ? runMany(request, open) : runMany(request);
}
