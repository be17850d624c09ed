import { describe, expect, it } from "vitest";
import { ApiError } from "../src/serve/api-error.js";
import { type ChatDefaults, parseChatRequest } from "../src/serve/parse-chat-request.js";
import { parseThinkField } from "../src/serve/think-field.js";

const DEFAULTS: ChatDefaults = {
  model: "synthetic:tiny",
  efforts: { low: 5_000, medium: 20_000, high: 60_000 },
  effort: "medium",
  maxThinkMs: 60_000,
};

const body = (extra: Record<string, unknown> = {}) => ({
  model: "synthetic:tiny",
  messages: [{ role: "user", content: "Is 91 prime?" }],
  ...extra,
});

/** The ApiError `run` throws. */
function catchApiError(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError, got none");
}

describe("parseChatRequest", () => {
  it("maps a plain request onto safe defaults", () => {
    expect(parseChatRequest(body(), DEFAULTS)).toEqual({
      question: "Is 91 prime?",
      task: "question",
      thinkMs: 20_000,
      strategy: "anytime",
      stream: false,
      includeUsage: false,
    });
  });

  it("takes the think time from reasoning_effort, and deliberate.think over it", () => {
    expect(parseChatRequest(body({ reasoning_effort: "low" }), DEFAULTS).thinkMs).toBe(5_000);
    expect(parseChatRequest(body({ reasoning_effort: "high" }), DEFAULTS).thinkMs).toBe(60_000);
    const both = body({ reasoning_effort: "high", deliberate: { think: "1500ms" } });
    expect(parseChatRequest(both, DEFAULTS).thinkMs).toBe(1_500);
    expect(parseChatRequest(body({ deliberate: { think: 2500 } }), DEFAULTS).thinkMs).toBe(2_500);
  });

  it("reads strategy, evaluator, task, temperature, seed and the stream options", () => {
    const chat = parseChatRequest(
      body({
        deliberate: { strategy: "beam", evaluator: "vote", task: "game24" },
        temperature: 0.5,
        seed: 7,
        stream: true,
        stream_options: { include_usage: true },
      }),
      DEFAULTS,
    );
    expect(chat).toMatchObject({
      strategy: "beam",
      evaluator: "vote",
      task: "game24",
      temperature: 0.5,
      seed: 7,
      stream: true,
      includeUsage: true,
    });
  });

  it("keeps the conversation before the last user message, and reads text parts", () => {
    const chat = parseChatRequest(
      body({
        messages: [
          { role: "system", content: "Be brief." },
          { role: "user", content: [{ type: "text", text: "What is 2+2?" }] },
        ],
      }),
      DEFAULTS,
    );
    expect(chat.question).toBe("System: Be brief.\n\nUser: What is 2+2?");
  });

  it("answers another model with 404 model_not_found", () => {
    const error = catchApiError(() => parseChatRequest(body({ model: "gpt-4o" }), DEFAULTS));
    expect(error).toMatchObject({ status: 404, code: "model_not_found", param: "model" });
    expect(error.toBody().error.type).toBe("not_found_error");
  });

  it.each([
    [
      { reasoning_effort: "extreme" },
      "reasoning_effort",
      /one of low, medium, high, got string "extreme"/,
    ],
    [{ deliberate: { strategy: "magic" } }, "deliberate.strategy", /one of anytime, beam/],
    [{ deliberate: { evaluator: 3 } }, "deliberate.evaluator", /got number 3/],
    [{ deliberate: { task: "chess" } }, "deliberate.task", /question, game24/],
    [{ deliberate: { think: "2h" } }, "deliberate.think", /at most 1m00s/],
    [{ deliberate: { think: 0 } }, "deliberate.think", /above zero/],
    [{ deliberate: { budget: 1 } }, "deliberate.budget", /think, strategy, evaluator, task/],
    [{ deliberate: "beam" }, "deliberate", /an object/],
    [{ temperature: 3 }, "temperature", /from 0 to 2/],
    [{ seed: -1 }, "seed", /integer/],
    [{ n: 2 }, "n", /to be 1/],
    [
      { tools: [{ type: "function", function: { name: "f" } }] },
      "tools",
      /calls no client functions/,
    ],
    [{ response_format: { type: "json_object" } }, "response_format", /got string "json_object"/],
    [{ stream: "yes" }, "stream", /true or false/],
    [{ messages: [] }, "messages", /non-empty array/],
    [
      { messages: [{ role: "tool", content: "x" }] },
      "messages[0].role",
      /system, developer, user, assistant/,
    ],
    [{ messages: [{ role: "assistant", content: "x" }] }, "messages[0].role", /user's question/],
    [{ messages: [{ role: "user", content: "  " }] }, "messages[0].content", /empty text/],
    [
      { messages: [{ role: "user", content: [{ type: "image_url", image_url: {} }] }] },
      "messages[0].content[0]",
      /text only/,
    ],
  ])("answers %j with 400 naming %s", (extra, param, message) => {
    const error = catchApiError(() => parseChatRequest(body(extra), DEFAULTS));
    expect(error).toMatchObject({ status: 400, type: "invalid_request_error", param });
    expect(error.message).toMatch(/^Expected /);
    expect(error.message).toMatch(message);
  });

  it("answers a body that is not an object with 400", () => {
    for (const value of [null, [], "hi", 3]) {
      expect(catchApiError(() => parseChatRequest(value, DEFAULTS)).status).toBe(400);
    }
  });
});

describe("parseThinkField", () => {
  it("reads durations and milliseconds up to the limit", () => {
    expect(parseThinkField("1m30s", 120_000)).toBe(90_000);
    expect(parseThinkField(750, 1_000)).toBe(750);
    expect(() => parseThinkField(1_001, 1_000)).toThrow(/at most 1.00s/);
    expect(() => parseThinkField("soon", 1_000)).toThrow(/got string "soon"/);
    expect(() => parseThinkField(Number.NaN, 1_000)).toThrow(ApiError);
  });
});
