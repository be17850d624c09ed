import { DeliberateError } from "@deliberate/core";
import { LlamaError } from "@deliberate/llama";
import { TaskError } from "@deliberate/tasks";
import { describe, expect, it } from "vitest";
import { CliError, ExitCode } from "../src/cli-error.js";
import { findExitCode, formatError } from "../src/report-error.js";

describe("findExitCode", () => {
  it("gives 2 for a bad option, task or puzzle and 1 for other failures", () => {
    expect(findExitCode(new DeliberateError("INVALID_OPTION", "x"))).toBe(ExitCode.usage);
    expect(findExitCode(new TaskError("INVALID_PUZZLE", "x"))).toBe(ExitCode.usage);
    expect(findExitCode(new DeliberateError("INVALID_TREE", "x"))).toBe(ExitCode.error);
    expect(findExitCode(new LlamaError("MODEL_NOT_FOUND", "x"))).toBe(ExitCode.error);
    expect(findExitCode(new Error("x"))).toBe(ExitCode.error);
    expect(findExitCode(new CliError("x", ExitCode.usage))).toBe(ExitCode.usage);
  });
});

describe("formatError", () => {
  it("prints one line, control characters flattened", () => {
    const error = new LlamaError("MODEL_NOT_FOUND", "Expected a file\nat \u001b[2J/tmp/x.gguf");
    expect(formatError(error, false)).toBe("error: Expected a file at /tmp/x.gguf");
  });

  it("points to --debug for an unexpected error, and prints its stack and causes with --debug", () => {
    const error = new Error("kaboom", { cause: new Error("root cause") });
    expect(formatError(error, false)).toBe("error: kaboom (run with --debug for the stack trace)");
    const debug = formatError(error, true);
    expect(debug).toMatch(/^Error: kaboom\n\s+at /);
    expect(debug).toContain("caused by: Error: root cause");
  });
});
