import { createUsageError } from "../cli-error.js";
import { BUILTIN_PREFIX, isBuiltinModel } from "./builtin-prefix.js";

/**
 * What each built-in model the CLI ships was trained on, and how to use it: a model trained on
 * one task knows nothing else, and a free-form question on it fails in ways that say nothing
 * useful (its 256-token context overflows on the question task's prompt).
 */
const BUILTIN_TASKS: Readonly<
  Record<string, { readonly tasks: readonly string[]; readonly use: string }>
> = {
  "tiny-reasoner": {
    tasks: ["game24"],
    use: 'it knows only the Game of 24: deliberate solve game24 "4 9 10 13" --model builtin:tiny-reasoner (or deliberate demo)',
  },
};

/**
 * Refuses a built-in model for a task it was not trained on (`question` for `ask`), as a usage
 * error that says what the model knows and how to use it, before anything loads.
 */
export function checkBuiltinKnowsTask(spec: string, task: string): void {
  if (!isBuiltinModel(spec)) return;
  const known = BUILTIN_TASKS[spec.trim().slice(BUILTIN_PREFIX.length)];
  if (known === undefined || known.tasks.includes(task)) return;
  const asked = task === "question" ? "a free-form question (ask)" : `task ${task}`;
  throw createUsageError(
    `Expected a task ${spec} was trained on (${known.tasks.join(", ")}), got ${asked}: ${known.use}. For other questions use a general model: the default, or --model <file.gguf>.`,
  );
}
