import { describe, expect, it } from "vitest";
import { CliError, ExitCode } from "../src/cli-error.js";
import { isOpenAISpec, parseOpenAISpec } from "../src/model/openai-spec.js";

describe("parseOpenAISpec", () => {
  it("splits at /v1, keeping a model name with slashes whole", () => {
    expect(parseOpenAISpec("openai:http://10.0.0.5:8000/v1/Qwen/Qwen2.5-7B-Instruct")).toEqual({
      baseURL: "http://10.0.0.5:8000/v1",
      model: "Qwen/Qwen2.5-7B-Instruct",
    });
    expect(parseOpenAISpec("openai:https://llm.internal/gateway/v1/llama-3.1-8b")).toEqual({
      baseURL: "https://llm.internal/gateway/v1",
      model: "llama-3.1-8b",
    });
  });

  it("takes the last path segment as the model when the URL has no /v1", () => {
    expect(parseOpenAISpec("openai:http://127.0.0.1:8080/api/local")).toEqual({
      baseURL: "http://127.0.0.1:8080/api",
      model: "local",
    });
    expect(parseOpenAISpec("openai:http://127.0.0.1:8080/local")).toEqual({
      baseURL: "http://127.0.0.1:8080",
      model: "local",
    });
  });

  it.each([
    ["openai:http://host:99999/v1/m", "does not parse"],
    ["openai:not a url/model", "http:// or https://"],
    ["openai:127.0.0.1:8000/v1/m", "http:// or https://"],
    ["openai:ftp://host/v1/m", "http:// or https://"],
    ["openai:http://127.0.0.1:8000/v1", "no model name"],
    ["openai:http://127.0.0.1:8000/v1/", "no model name"],
    ["openai:http://127.0.0.1:8000/", "no model name"],
    ["openai:http://user:secret@host/v1/m", "OPENAI_API_KEY"],
    ["openai:http://host/v1/m?key=1", "query"],
  ])("refuses %s as a usage error that shows the expected form", (spec, why) => {
    let error: unknown;
    try {
      parseOpenAISpec(spec);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.usage);
    expect((error as Error).message).toContain("Expected --model openai:<base-url>/<model>");
    expect((error as Error).message).toContain(why);
  });

  it("tells an openai: model from a GGUF spec", () => {
    expect(isOpenAISpec("openai:http://h/v1/m")).toBe(true);
    expect(isOpenAISpec("builtin:tiny-reasoner")).toBe(false);
    expect(isOpenAISpec("./openai:model.gguf")).toBe(false);
  });
});
