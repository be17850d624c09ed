import { createScriptedModel } from "@deliberate/core/testing";
import { describe, expect, it } from "vitest";
import type { RemoteModel } from "../src/model/open-remote-model.js";
import { buildSearchPlan } from "../src/serve/build-search-input.js";
import type { ChatRequest } from "../src/serve/parse-chat-request.js";

const chat: ChatRequest = {
  question: "Which plan is safest?",
  task: "question",
  thinkMs: 1000,
  strategy: "beam",
  evaluator: "vote",
  stream: false,
  includeUsage: false,
};

const remote: RemoteModel = { ...createScriptedModel({ rules: [] }), dispose: async () => {} };

describe("buildSearchPlan", () => {
  it("reads votes from log-probabilities on an openai: engine, and samples them elsewhere", () => {
    const onEngine = buildSearchPlan(chat, remote, "openai:http://127.0.0.1:8000/v1/m");
    expect(onEngine.options.evaluator).toEqual({ name: "vote", probabilities: true });
    const elsewhere = buildSearchPlan(chat, remote, "remote-without-logprobs");
    expect(elsewhere.options.evaluator).toBe("vote");
  });
});
