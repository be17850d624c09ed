import { afterEach, describe, expect, it } from "vitest";
import {
  type OpenAIStub,
  startOpenAIStub,
} from "../../packages/langchain/test/support/openai-stub.js";
import { runCli } from "./helpers/run-cli.js";

// `--model openai:<base-url>/<model>`: a remote OpenAI-compatible engine as the model, here a stub
// on 127.0.0.1 (nothing leaves the machine).

let stub: OpenAIStub | undefined;

afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe("deliberate ask --model openai:<base-url>/<model>", () => {
  it("thinks with the remote model: siblings in one request, judgments from top_logprobs", async () => {
    const top = [{ token: "sure", logprob: Math.log(0.9) }];
    stub = await startOpenAIStub((body) =>
      body.top_logprobs
        ? { texts: ["sure"], logprobs: [Math.log(0.9)], top }
        : { texts: Array.from({ length: Number(body.n) }, () => "Final answer: 4") },
    );
    const run = await runCli([
      "ask",
      "What is 2 + 2?",
      "--model",
      `openai:${stub.baseURL}/org/stub-model`,
      "--strategy",
      "beam",
      "--think",
      "3s",
      "--json",
    ]);
    const json = JSON.parse(run.stdout);
    expect(json, run.stderr).toMatchObject({ model: `openai:${stub.baseURL}/org/stub-model` });
    expect(json.answer).toBe("4");
    expect(stub.requests.length).toBeGreaterThan(0);
    expect(stub.requests.every((body) => body.model === "org/stub-model")).toBe(true);
    expect(stub.requests.some((body) => Number(body.n) > 1)).toBe(true);
    expect(stub.requests.some((body) => body.top_logprobs === 20)).toBe(true);
  });

  it("refuses a malformed URL with a usage error that shows the expected form", async () => {
    const run = await runCli(["ask", "What is 2 + 2?", "--model", "openai:localhost:8000/v1/m"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Expected --model openai:<base-url>/<model>");
    expect(run.stderr).toContain("http:// or https://");
  });
});
