import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScriptedModel } from "@deliberate/core/testing";
import { createGame24Task } from "@deliberate/tasks";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CliError, ExitCode } from "../src/cli-error.js";
import type { GuardFlags } from "../src/options/guard-flags.js";
import type { ManyFlags } from "../src/options/many-flags.js";
import type { ThinkFlags } from "../src/options/think-flags.js";
import { createProgram } from "../src/program.js";
import { buildManyOptions } from "../src/run/run-many.js";
import { solveFile } from "../src/run/solve-file.js";

const folder = mkdtempSync(join(tmpdir(), "deliberate-solve-file-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Knows one way through 4 9 10 13 (compact steps); says nothing useful about any other puzzle. */
const STEPS: Readonly<Record<string, string>> = {
  "4 9 10 13 |": " 13-9=4 | 4 4 10",
  "4 4 10 |": " 10-4=6 | 4 6",
  "4 6 |": " 4*6=24 | 24",
};

function createModel() {
  const rules = Object.entries(STEPS).map(([prompt, reply]) => ({ match: prompt, reply }));
  return createScriptedModel({ rules, fallback: " no idea" });
}

const flags: ThinkFlags & ManyFlags = {
  model: "scripted",
  think: 2000,
  strategy: "greedy",
  evaluator: "verifier",
  seed: 0,
  threads: 1,
};

function writeInputs(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

async function run(file: string, extra: Partial<ThinkFlags & ManyFlags & GuardFlags> = {}) {
  const create = (text: string) => createGame24Task(text, { profile: "compact" });
  return solveFile("game24", { ...flags, ...extra, file }, create, async () => createModel());
}

describe("solve --file", () => {
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it("prints one line per input as it finishes, then the summary", async () => {
    const file = writeInputs("two.txt", "# two puzzles\n1 1 1 1\n4 9 10 13\n");
    const code = await run(file);
    expect(code).toBe(ExitCode.noAnswer);
    const lines = out.join("").trim().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[1\/2\] 1 1 1 1 · no answer · /);
    expect(lines[1]).toMatch(/^\[2\/2\] 4 9 10 13 · \(13 - 9\).* ✓ · solved · \d+\.\d\ds$/);
    expect(lines[2]).toMatch(/^solved 1\/2 · .* of 4\.00s think time · \d+ rungs?$/);
  });

  it("prints one JSON object with the results in file order, with --json", async () => {
    const file = writeInputs("json.txt", "4 9 10 13\n\n1 1 1 1\n");
    const code = await run(file, { json: true, total: 3000 });
    expect(code).toBe(ExitCode.noAnswer);
    expect(out).toHaveLength(1);
    const json = JSON.parse(out[0] ?? "{}");
    expect(json).toMatchObject({ task: "game24", budgetMs: 3000, solved: 1, count: 2 });
    expect(
      json.results.map((result: { line: number; input: string }) => [result.line, result.input]),
    ).toEqual([
      [1, "4 9 10 13"],
      [3, "1 1 1 1"],
    ]);
    expect(json.results[0]).toMatchObject({ verified: true, stopReason: "solved" });
  });

  it("answers 0 when every input is solved", async () => {
    expect(await run(writeInputs("one.txt", "4 9 10 13\n"))).toBe(ExitCode.answered);
  });

  it("guards every input: one the length guard refuses is not searched, and the run exits 4", async () => {
    const file = writeInputs("guarded.txt", "4 9 10 13\n1 1 1 1\n");
    // The game's question is "Use 4 9 10 13 and basic arithmetic …" (69 characters), "1 1 1 1" 67.
    const code = await run(file, { maxInputChars: 68 });
    expect(code).toBe(ExitCode.blocked);
    const lines = out.join("").trim().split("\n");
    expect(lines[0]).toMatch(/^\[1\/2\] 4 9 10 13 · no answer · blocked by the length guard · /);
    expect(lines[1]).toMatch(/^\[2\/2\] 1 1 1 1 · no answer · exhausted · /);
  });
});

describe("buildManyOptions", () => {
  const request = { task: "game24", lines: [], inputs: ["a", "b", "c"], flags };

  it("makes --think the average of a pool for every input, and keeps token and node limits per input", () => {
    const options = buildManyOptions({ ...request, flags: { ...flags, tokens: 900, nodes: 50 } });
    expect(options).toMatchObject({ budget: 6000, perQuestion: { tokens: 900, nodes: 50 } });
    expect(options).not.toHaveProperty("minPerQuestion");
    expect(options.perQuestion).not.toHaveProperty("time");
  });

  it("takes the pool from --total and the share of one input from --min-think and --max-think", () => {
    const options = buildManyOptions({
      ...request,
      flags: { ...flags, total: 60_000, minThink: 1000, maxThink: 30_000 },
    });
    expect(options).toMatchObject({ budget: 60_000, minPerQuestion: 1000, maxPerQuestion: 30_000 });
  });
});

describe("solve's command line", () => {
  async function usageError(args: readonly string[]): Promise<string> {
    const program = createProgram(() => {});
    for (const command of [program, ...program.commands]) {
      command.configureOutput({ writeOut: () => {}, writeErr: () => {} });
    }
    const error = await program
      .parseAsync(["node", "deliberate", "solve", ...args])
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    return (error as CliError).message;
  }

  it("names the line of a malformed input", async () => {
    const file = writeInputs("bad.txt", "4 9 10 13\n# fine so far\n4 9 x\n");
    expect(await usageError(["game24", "--file", file])).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3: Expected the puzzle as integers`,
      ),
    );
  });

  it.each([
    [["game24"], /missing required argument 'input'/],
    [["game24", "4 9 10 13", "--file", "p.txt"], /not both/],
    [["game24", "4 9 10 13", "--total", "1m"], /--total goes with --file/],
    [["game24", "--file", "p.txt", "--save", "t.json"], /--save works with one input/],
    [["game24", "--file", join(folder, "nope.txt")], /no such file/],
  ])("refuses solve %j", async (args, message) => {
    expect(await usageError(args)).toMatch(message);
  });
});
