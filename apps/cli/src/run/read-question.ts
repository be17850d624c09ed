import { readFile } from "node:fs/promises";
import { createUsageError } from "../cli-error.js";
import { readStdin } from "./read-input-lines.js";

/** Where `ask` takes its question from: the argument, `--file <path>`, or stdin (`-`). */
export interface QuestionSource {
  /** The question argument; `-` reads stdin. */
  readonly argument: string | undefined;
  /** `--file <path>`; `-` reads stdin. */
  readonly file: string | undefined;
}

/**
 * Reads the question of `ask`: the argument as it is, or the whole of a file or of stdin (a
 * question too long for the command line). Both given, neither given, a file that cannot be read
 * and an empty question are usage errors that say what to pass instead.
 */
export async function readQuestion(
  source: QuestionSource,
  read: () => Promise<string> = readStdin,
): Promise<string> {
  const { argument, file } = source;
  if (argument !== undefined && file !== undefined) {
    throw createUsageError(
      `Expected the question once, got both ${argument === "-" ? "- (stdin)" : "a question argument"} and --file ${file}. Pass one of them.`,
    );
  }
  const path = file ?? (argument === "-" ? "-" : undefined);
  if (path === undefined) {
    if (argument === undefined || argument.trim() === "") {
      throw createUsageError(
        `Expected a question: ask "<question>", ask --file question.txt, or ask - to read it from stdin; got ${argument === undefined ? "none" : "an empty one"}.`,
      );
    }
    return argument;
  }
  const where = path === "-" ? "stdin" : path;
  const text = path === "-" ? await read() : await readQuestionFile(path);
  if (text.trim() === "") {
    throw createUsageError(
      `Expected a question in ${where}, got ${text.length === 0 ? "nothing" : "only blank space"}. Write the question there, or pass it in quotes.`,
    );
  }
  return text.trim();
}

async function readQuestionFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code;
    throw createUsageError(
      `Expected a readable question file, got --file ${path}: ${why ?? String(error)}. Check the path.`,
    );
  }
}
