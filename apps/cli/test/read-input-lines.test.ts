import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CliError, ExitCode } from "../src/cli-error.js";
import { createFromLine, parseInputLines, readInputLines } from "../src/run/read-input-lines.js";

const folder = mkdtempSync(join(tmpdir(), "deliberate-inputs-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).exitCode).toBe(ExitCode.usage);
  return error as CliError;
}

describe("parseInputLines", () => {
  it("keeps one input a line with its line number, skipping blank lines and # comments", () => {
    const text = "# puzzles\n4 9 10 13\n\n  1 1 4 6  \r\n   # done\n2 3 5 12";
    expect(parseInputLines(text, "p.txt")).toEqual([
      { line: 2, text: "4 9 10 13" },
      { line: 4, text: "1 1 4 6" },
      { line: 6, text: "2 3 5 12" },
    ]);
  });

  it("refuses a file with no inputs and names it", () => {
    expect(() => parseInputLines("# nothing\n\n", "p.txt")).toThrow(
      "p.txt has no inputs: write one a line (blank lines and # comments are skipped).",
    );
  });
});

describe("readInputLines", () => {
  it("reads a file", async () => {
    const path = join(folder, "two.txt");
    writeFileSync(path, "4 9 10 13\n1 1 4 6\n");
    expect(await readInputLines(path)).toHaveLength(2);
  });

  it("reads stdin for -", async () => {
    const lines = await readInputLines("-", async () => "1 2 3 4\n");
    expect(lines).toEqual([{ line: 1, text: "1 2 3 4" }]);
  });

  it("refuses a missing file, an empty one and a folder, as usage errors that name them", async () => {
    const missing = join(folder, "missing.txt");
    expect((await refusal(readInputLines(missing))).message).toBe(
      `Cannot read --file ${missing}: no such file.`,
    );
    const empty = join(folder, "empty.txt");
    writeFileSync(empty, "\n\n");
    expect((await refusal(readInputLines(empty))).message).toMatch(/has no inputs/);
    expect((await refusal(readInputLines(folder))).message).toMatch(/it is a folder/);
  });
});

describe("createFromLine", () => {
  it("names the file and the line of a malformed input", () => {
    const create = (text: string) => {
      if (text.includes("x")) throw new Error(`Expected numbers, got "${text}"`);
      return text;
    };
    expect(createFromLine({ line: 3, text: "1 2" }, "p.txt", create)).toBe("1 2");
    expect(() => createFromLine({ line: 3, text: "4 9 x" }, "p.txt", create)).toThrow(
      'p.txt:3: Expected numbers, got "4 9 x"',
    );
  });
});
