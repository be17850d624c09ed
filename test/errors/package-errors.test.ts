import { DeliberateError, isDeliberateError } from "@deliberate/core";
import { parseDuration } from "@deliberate/core/options";
import { EvaluationError, parseEvaluationOptions } from "@deliberate/eval";
import { createLengthGuard, GuardError } from "@deliberate/guards";
import { createLangChainModel, DeliberateLangChainError } from "@deliberate/langchain";
import { isLlamaError, LlamaError } from "@deliberate/llama";
import { createGame24Task, TaskError } from "@deliberate/tasks";
import { calculate, ToolError } from "@deliberate/tools";
import { VizError } from "@deliberate/viz";
import { describe, expect, it } from "vitest";
import { CliError, createUsageError } from "../../apps/cli/src/cli-error.js";

/** What `run` throws; fails the test when it throws nothing. */
function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw, nothing was thrown");
}

const cause = new Error("underneath");

// Each package's error as that package throws it, with the name the CLI and users print.
const CASES = [
  {
    name: "DeliberateError",
    code: "INVALID_OPTION",
    error: catchError(() => parseDuration("soon")),
  },
  {
    name: "ToolError",
    code: "DIVISION_BY_ZERO",
    error: catchError(() => calculate("1 / (2 - 2)")),
  },
  {
    name: "TaskError",
    code: "INVALID_PUZZLE",
    error: catchError(() => createGame24Task("4 9 ten 13")),
  },
  {
    name: "GuardError",
    code: "INVALID_OPTION",
    error: catchError(() => createLengthGuard({ maxCharacters: 0 })),
  },
  {
    name: "EvaluationError",
    code: "INVALID_OPTION",
    error: catchError(() => parseEvaluationOptions({} as never)),
  },
  {
    name: "DeliberateLangChainError",
    code: "INVALID_INPUT",
    error: catchError(() => createLangChainModel({} as never)),
  },
  { name: "LlamaError", code: "LOAD_FAILED", error: new LlamaError("LOAD_FAILED", "x", { cause }) },
  { name: "VizError", code: "LISTEN_FAILED", error: new VizError("LISTEN_FAILED", "x", { cause }) },
  { name: "CliError", code: "INVALID_USAGE", error: createUsageError("x") },
] as const;

describe("the errors of every package", () => {
  it.each(CASES)("a $name is a DeliberateError with its code and its own name", (expected) => {
    const { error } = expected;
    expect(error).toBeInstanceOf(DeliberateError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: expected.name, code: expected.code });
    expect(isDeliberateError(error)).toBe(true);
    expect(isDeliberateError(error, expected.code)).toBe(true);
    expect(isDeliberateError(error, "NOT_A_CODE")).toBe(false);
    expect(String(error)).toMatch(new RegExp(`^${expected.name}: `));
  });

  it("keeps each package's own class and helpers apart", () => {
    const tool = CASES[1].error;
    expect(tool).toBeInstanceOf(ToolError);
    expect(tool).not.toBeInstanceOf(TaskError);
    expect(tool).toMatchObject({ position: 2 });
    expect(CASES[2].error).toBeInstanceOf(TaskError);
    expect(CASES[3].error).toMatchObject({ guard: "length" });
    expect(CASES[3].error).toBeInstanceOf(GuardError);
    expect(CASES[4].error).toBeInstanceOf(EvaluationError);
    expect(CASES[4].error).toMatchObject({ field: "model" });
    expect(CASES[5].error).toBeInstanceOf(DeliberateLangChainError);
    expect(CASES[8].error).toBeInstanceOf(CliError);
    const llama = CASES[6].error;
    expect(isLlamaError(llama, "LOAD_FAILED")).toBe(true);
    expect(isLlamaError(CASES[1].error)).toBe(false);
    expect(llama.cause).toBe(cause);
  });

  it("leaves errors that are not ours out", () => {
    const lookAlike = Object.assign(new Error("x"), { name: "ToolError", code: "TIMEOUT" });
    for (const error of [lookAlike, new TypeError("x"), { code: "INVALID_OPTION" }, undefined]) {
      expect(isDeliberateError(error)).toBe(false);
    }
  });
});
