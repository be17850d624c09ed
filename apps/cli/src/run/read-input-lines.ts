import { readFile } from "node:fs/promises";
import { createUsageError } from "../cli-error.js";

/** One input of a `--file`: its text and the line it came from (1-based). */
export interface InputLine {
  readonly line: number;
  readonly text: string;
}

/**
 * Reads the inputs of a `--file`: one a line; blank lines and lines starting with `#` are
 * skipped. A file with no input is a usage error that names it.
 */
export function parseInputLines(text: string, source: string): InputLine[] {
  const inputs: InputLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    inputs.push({ line: index + 1, text: trimmed });
  });
  if (inputs.length === 0) {
    throw createUsageError(
      `${source} has no inputs: write one a line (blank lines and # comments are skipped).`,
    );
  }
  return inputs;
}

/** The whole of stdin as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads `--file <path>` (`-` for stdin) into its inputs. A file that cannot be read is a usage
 * error that names it and says why.
 */
export async function readInputLines(
  path: string,
  read: () => Promise<string> = readStdin,
): Promise<InputLine[]> {
  if (path === "-") return parseInputLines(await read(), "stdin");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code;
    throw createUsageError(`Cannot read --file ${path}: ${why ?? String(error)}.`);
  }
  return parseInputLines(text, path);
}

/**
 * Makes one input into what the command searches, naming the line of an input that is
 * malformed: `puzzles.txt:3: Expected four numbers, got "4 9 x"`.
 */
export function createFromLine<T>(
  input: InputLine,
  source: string,
  create: (text: string) => T,
): T {
  try {
    return create(input.text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw createUsageError(`${source}:${input.line}: ${message}`);
  }
}
