import type { Result, SearchEvent, TreeNode } from "@deliberate/core";
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/serve/api-error.js";
import { findContent, findFinishReason, toChatUsage } from "../src/serve/chat-response.js";
import { checkApiKey } from "../src/serve/check-api-key.js";
import { describeEvent } from "../src/serve/describe-event.js";
import { isLoopbackHost, isLoopbackHostHeader } from "../src/serve/loopback.js";
import { findRetryAfter, SearchSlots } from "../src/serve/search-slots.js";
import { checkListenOptions } from "../src/serve/start-server.js";

const KEY = "k".repeat(20);

describe("checkApiKey", () => {
  it("lets every request through without a key", () => {
    expect(() => checkApiKey(undefined, undefined)).not.toThrow();
  });

  it("accepts the key as a bearer token, and refuses a missing or different one with 401", () => {
    expect(() => checkApiKey(`Bearer ${KEY}`, KEY)).not.toThrow();
    expect(() => checkApiKey(`bearer ${KEY}`, KEY)).not.toThrow();
    for (const header of [undefined, "", KEY, `Basic ${KEY}`, `Bearer ${KEY}x`, "Bearer k"]) {
      let caught: unknown;
      try {
        checkApiKey(header, KEY);
      } catch (error) {
        caught = error;
      }
      expect(caught, String(header)).toBeInstanceOf(ApiError);
      expect(caught).toMatchObject({
        status: 401,
        type: "authentication_error",
        code: "invalid_api_key",
      });
      expect((caught as ApiError).headers).toEqual({ "WWW-Authenticate": "Bearer" });
      expect((caught as ApiError).message).not.toContain(KEY);
    }
  });
});

describe("loopback", () => {
  it("tells loopback addresses and names from the rest", () => {
    for (const host of [
      "127.0.0.1",
      "127.3.4.5",
      "::1",
      "[::1]",
      "localhost",
      "::ffff:127.0.0.1",
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ["0.0.0.0", "::", "192.168.1.2", "10.0.0.1", "example.com", "128.0.0.1"]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it("reads Host headers with ports, and refuses other names (DNS rebinding)", () => {
    expect(isLoopbackHostHeader("127.0.0.1:8080")).toBe(true);
    expect(isLoopbackHostHeader("localhost")).toBe(true);
    expect(isLoopbackHostHeader("[::1]:8080")).toBe(true);
    expect(isLoopbackHostHeader("evil.example:8080")).toBe(false);
    expect(isLoopbackHostHeader(undefined)).toBe(false);
  });

  it("needs a key to listen beyond the loopback", () => {
    expect(checkListenOptions("127.0.0.1", undefined)).toBeUndefined();
    expect(checkListenOptions("0.0.0.0", KEY)).toBeUndefined();
    expect(checkListenOptions("0.0.0.0", undefined)).toMatch(/^Expected an API key .* got none/);
  });
});

describe("SearchSlots", () => {
  it("runs up to `running`, queues up to `waiting`, and refuses the rest", async () => {
    const slots = new SearchSlots(1, 1);
    const first = await slots.acquire();
    expect(first).not.toBe("full");
    const second = slots.acquire();
    expect(await slots.acquire()).toBe("full");
    expect(slots.queued).toBe(1);
    if (typeof first !== "string") first.release();
    const granted = await second;
    expect(typeof granted).toBe("object");
    expect(slots.busy).toBe(1);
  });

  it("lets a waiting request leave the line when its client goes away, and sends all away on close", async () => {
    const slots = new SearchSlots(1, 2);
    await slots.acquire();
    const controller = new AbortController();
    const leaving = slots.acquire(controller.signal);
    const staying = slots.acquire();
    controller.abort();
    expect(await leaving).toBe("closed");
    expect(slots.queued).toBe(1);
    slots.close();
    expect(await staying).toBe("closed");
    expect(await slots.acquire()).toBe("closed");
  });

  it("says to retry when the first running search reaches its deadline, at least 1 s", () => {
    expect(findRetryAfter([10_500, 4_200], 1_000)).toBe(4);
    expect(findRetryAfter([900], 1_000)).toBe(1);
    expect(findRetryAfter([], 1_000)).toBe(1);
  });
});

const node = (id: number, text: string): TreeNode => ({
  id,
  parent: 0,
  depth: 1,
  text,
  status: "open",
  scores: [],
  usage: { promptTokens: 0, evaluatedPromptTokens: 0, generatedTokens: 0, ms: 0 },
  createdAt: 0,
});

describe("describeEvent", () => {
  const nodes = [node(0, "question"), node(1, "First,\nadd 4 and 9. <b>x</b>")];
  const at = { seq: 1, t: 5 };

  it("writes a thought on one line, with where it came from", () => {
    const created: SearchEvent = { type: "created", ...at, id: 1, parent: 0 };
    expect(describeEvent(created, nodes)).toBe("#1 (after #0): First, add 4 and 9. <b>x</b>");
  });

  it("writes scores, prunes, answers and rounds, and nothing for bookkeeping", () => {
    expect(describeEvent({ type: "scored", ...at, id: 1, score: 0.734, scores: [] }, nodes)).toBe(
      "#1 scored 0.73",
    );
    expect(
      describeEvent(
        { type: "status", ...at, id: 1, status: "pruned", reason: "repeats sibling 2" },
        nodes,
      ),
    ).toBe("#1 pruned: repeats sibling 2");
    expect(
      describeEvent({ type: "solution", ...at, id: 1, answer: "24", verified: true }, nodes),
    ).toBe("#1 answers 24 (verified)");
    expect(describeEvent({ type: "restarted", ...at, round: 2, temperature: 1 }, nodes)).toBe(
      "round 2, temperature 1.0",
    );
    expect(describeEvent({ type: "selected", ...at, ids: [1] }, nodes)).toBeUndefined();
    expect(
      describeEvent({ type: "status", ...at, id: 1, status: "expanded" }, nodes),
    ).toBeUndefined();
  });

  it("cuts a very long thought", () => {
    const long = [node(0, "q"), node(1, "a".repeat(5000))];
    expect(describeEvent({ type: "created", ...at, id: 1, parent: 0 }, long)?.length).toBeLessThan(
      450,
    );
  });
});

describe("chat responses", () => {
  const usage = {
    promptTokens: 900,
    evaluatedPromptTokens: 300,
    generatedTokens: 120,
    calls: 9,
    forks: 2,
    ms: 10,
    nodes: 8,
    elapsedMs: 1000,
    toolCalls: 0,
  };
  const result = (extra: Partial<Result>) =>
    ({ stopReason: "budget", best: { path: [], score: 0 }, usage, ...extra }) as unknown as Result;

  it("counts every token of the search, cached prompt tokens apart", () => {
    expect(toChatUsage(usage)).toEqual({
      prompt_tokens: 900,
      completion_tokens: 120,
      total_tokens: 1020,
      prompt_tokens_details: { cached_tokens: 600 },
      completion_tokens_details: { reasoning_tokens: 120 },
    });
  });

  it("answers with the answer, or says there is none and shows the best partial thought", () => {
    expect(findContent(result({ answer: "24" }))).toBe("24");
    expect(findFinishReason(result({ answer: "24" }))).toBe("stop");
    const partial = result({ best: { path: [{ id: 3, text: "4 + 9 = 13" }], score: 0.4 } });
    expect(findContent(partial)).toBe(
      "No answer within the think time; the best partial line of thought ends: 4 + 9 = 13",
    );
    expect(findFinishReason(partial)).toBe("length");
  });
});
