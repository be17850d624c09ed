import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliRun, makeTempDir, runCli } from "./helpers/run-cli.js";

/** A usage mistake: exit 2, one line on stderr, nothing on stdout, no search started. */
function expectUsageError(run: CliRun, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).not.toContain("thinking for up to");
  const errors = run.stderr.split("\n").filter((line) => line.startsWith("error: "));
  expect(errors, run.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
}

/** A question of `bytes` characters in the model's own words. */
function makeQuestion(bytes: number): string {
  return "What is the answer to this? ".repeat(Math.ceil(bytes / 28)).slice(0, bytes);
}

const quick = ["--model", "synthetic:tiny", "--think", "1s", "--no-guards"];

describe("deliberate on a model file that starts with GGUF and then has garbage", () => {
  it("refuses it at once with one line naming the version it read (exit 1)", async () => {
    const path = join(makeTempDir(), "m.gguf");
    writeFileSync(path, "GGUFgarbage");
    const started = performance.now();
    const run = await runCli(["ask", "hi", "--model", path, "--think", "1s"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Expected a readable GGUF header in .*m\.gguf: at byte 8, expected GGUF version 2 or 3, got version \d+\. The file is damaged/m,
    );
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("deliberate on a question longer than the model's context", () => {
  it("refuses a 120 KB question before any search, naming the sizes and what to do (exit 2)", async () => {
    const file = join(makeTempDir(), "question.txt");
    writeFileSync(file, makeQuestion(120_000));
    const run = await runCli(["ask", "--file", file, ...quick, "--context", "1024"]);
    expectUsageError(
      run,
      /^error: Expected a question that fits the model's context of 1024 tokens with 128 left for a step, got one whose first prompt is \d{5} tokens\. synthetic:tiny takes at most --context 2048, too few as well: shorten the question, or use a model with a longer context\.$/,
    );
  });

  it("says which --context would fit when the model takes it", async () => {
    const run = await runCli(["ask", makeQuestion(3000), ...quick, "--context", "512"]);
    expectUsageError(
      run,
      /^error: Expected a question that fits the model's context of 512 tokens with 128 left for a step, got one whose first prompt is \d+ tokens\. Pass --context 1024 \(synthetic:tiny takes up to 2048\), or a shorter question\.$/,
    );
    const fits = await runCli(["ask", makeQuestion(3000), ...quick, "--context", "1024", "--json"]);
    expect(fits.code, fits.stderr).not.toBe(2);
    expect(JSON.parse(fits.stdout).stopReason).not.toBe("failed");
  });
});

describe("ask --file and ask - (stdin)", () => {
  it("reads the question from a file and from stdin", async () => {
    const file = join(makeTempDir(), "question.txt");
    writeFileSync(file, "  Is 91 prime?\n");
    const fromFile = await runCli(["ask", "--file", file, ...quick, "--json"]);
    expect(fromFile.code, fromFile.stderr).not.toBe(2);
    expect(JSON.parse(fromFile.stdout).question).toBe("Is 91 prime?");
    const fromStdin = await runCli(["ask", "-", ...quick, "--json"], { input: "Is 91 prime?\n" });
    expect(JSON.parse(fromStdin.stdout).question).toBe("Is 91 prime?");
    const fileDash = await runCli(["ask", "--file", "-", ...quick, "--json"], {
      input: "Is 7 odd?",
    });
    expect(JSON.parse(fileDash.stdout).question).toBe("Is 7 odd?");
  });

  it("names a missing file, an empty question, both a question and --file, and none (exit 2)", async () => {
    const dir = makeTempDir();
    const missing = join(dir, "nowhere.txt");
    expectUsageError(
      await runCli(["ask", "--file", missing, ...quick]),
      /^error: Expected a readable question file, got --file .*nowhere\.txt: no such file\. Check the path\.$/,
    );
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, " \n\n");
    expectUsageError(
      await runCli(["ask", "--file", empty, ...quick]),
      /^error: Expected a question in .*empty\.txt, got only blank space\./,
    );
    expectUsageError(
      await runCli(["ask", "-", ...quick], { input: "" }),
      /^error: Expected a question in stdin, got nothing\./,
    );
    expectUsageError(
      await runCli(["ask", "Is 91 prime?", "--file", empty, ...quick]),
      /^error: Expected the question once, got both a question argument and --file .*empty\.txt\. Pass one of them\.$/,
    );
    expectUsageError(
      await runCli(["ask", ...quick]),
      /^error: Expected a question: ask "<question>", ask --file question\.txt, or ask - to read it from stdin; got none\.$/,
    );
  });
});

describe("built-in models", () => {
  it("refuses a free-form question on builtin:tiny-reasoner, saying it knows only the Game of 24 and how to use it (exit 2)", async () => {
    expectUsageError(
      await runCli(["ask", "What is 2 + 2?", "--model", "builtin:tiny-reasoner"]),
      /^error: Expected a task builtin:tiny-reasoner was trained on \(game24\), got a free-form question \(ask\): it knows only the Game of 24: deliberate solve game24 "4 9 10 13" --model builtin:tiny-reasoner \(or deliberate demo\)\./,
    );
  });

  it("pull of a built-in model says it needs none (exit 0); of an unknown one, a usage error", async () => {
    const pulled = await runCli(["pull", "builtin:tiny-reasoner"]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(
      /^builtin:tiny-reasoner is built in: it ships with deliberate \(.*tiny-reasoner\.gguf\) and needs no pull\. Use it with --model builtin:tiny-reasoner\.\n$/,
    );
    const json = await runCli(["pull", "builtin:tiny-reasoner", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: "builtin",
      builtin: true,
      pulled: false,
    });
    expectUsageError(
      await runCli(["pull", "builtin:nope"]),
      /^error: Expected a built-in model \(builtin:tiny-reasoner\), got "builtin:nope"\. Built-in models ship with deliberate and need no pull/,
    );
  });
});

describe("solve game24 with other than four numbers", () => {
  it("is a usage error that says the task is four numbers (exit 2)", async () => {
    for (const puzzle of ["1 2 3 4 5", "1 2 3"]) {
      const count = puzzle.split(" ").length;
      expectUsageError(
        await runCli(["solve", "game24", puzzle, ...quick]),
        new RegExp(
          `^error: Expected four numbers for game24 \\(the Game of 24 makes 24 from four numbers with \\+ - \\* /\\), got ${count}: "${puzzle}"\\. Pass four, like "4 9 10 13"\\.$`,
        ),
      );
    }
  });
});
