import type { SearchEvent } from "@deliberate/core";
import { createScriptedModel } from "@deliberate/core/testing";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatPromptTemplate, PromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda } from "@langchain/core/runnables";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createLangChainModel, DeliberateRunnable, SEARCH_EVENT_NAME } from "../src/index.js";

const solver = (latencyMs = 0) =>
  createScriptedModel({
    latencyMs,
    rules: [
      { match: "Judgement:", reply: "likely" },
      { match: "Final answer", reply: "Final answer: 42" },
    ],
  });

const settings = {
  strategy: { name: "beam", width: 1, branching: 1 },
  evaluator: "confidence",
} as const;

describe("DeliberateRunnable", () => {
  it("invokes think on a question and gives the result", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(), ...settings });
    const result = await deliberate.invoke("What is 6 times 7?");
    expect(result.answer).toBe("42");
    expect(result.stopReason).toBe("exhausted");
  });

  it("gives the answer text with output: answer, so a chain can go on with a string", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(), ...settings, output: "answer" });
    const chain = deliberate.pipe(
      RunnableLambda.from((answer: string) => `The answer is ${answer}.`),
    );
    expect(await chain.invoke("What is 6 times 7?")).toBe("The answer is 42.");
  });

  it("takes a prompt template's output as the question", async () => {
    const model = solver();
    const deliberate = new DeliberateRunnable({ model, ...settings, output: "answer" });
    const text = PromptTemplate.fromTemplate("What is {a} times {b}?").pipe(deliberate);
    const chat = ChatPromptTemplate.fromMessages([
      ["system", "You are careful."],
      ["human", "What is {a} times {b}?"],
    ]).pipe(deliberate);
    expect(await text.invoke({ a: 6, b: 7 })).toBe("42");
    const result = await new DeliberateRunnable({ model, ...settings }).invoke([
      new SystemMessage("You are careful."),
      new HumanMessage("What is 6 times 7?"),
    ]);
    expect(result.tree.question).toBe("System: You are careful.\nHuman: What is 6 times 7?");
    expect(await chat.invoke({ a: 6, b: 7 })).toBe("42");
  });

  it("streams every search event through streamEvents, also from inside a chain", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(), ...settings });
    const chain = PromptTemplate.fromTemplate("What is {a} times {b}?").pipe(deliberate);
    const events: SearchEvent[] = [];
    let output: unknown;
    for await (const event of chain.streamEvents({ a: 6, b: 7 }, { version: "v2" })) {
      if (event.event === "on_custom_event" && event.name === SEARCH_EVENT_NAME)
        events.push(event.data as SearchEvent);
      if (event.event === "on_chain_end" && event.name === "DeliberateRunnable")
        output = event.data.output;
    }
    expect(events[0]?.type).toBe("started");
    expect(events.at(-1)?.type).toBe("stopped");
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
    expect(output).toMatchObject({ answer: "42" });
  });

  it("streams its result as one chunk, as LangChain does for outputs that do not come in pieces", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(), ...settings, output: "answer" });
    const chunks: string[] = [];
    for await (const chunk of await deliberate.stream("What is 6 times 7?")) chunks.push(chunk);
    expect(chunks).toEqual(["42"]);
  });

  it("reports search events to callback handlers", async () => {
    const types: string[] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleCustomEvent(name: string, data: SearchEvent) {
        if (name === SEARCH_EVENT_NAME) types.push(data.type);
      },
    });
    await new DeliberateRunnable({ model: solver(), ...settings }).invoke("What is 6 times 7?", {
      callbacks: [handler],
    });
    expect(types).toContain("solution");
  });

  it("nests the runs of a LangChain chat model it thinks with under its own run", async () => {
    const chat = new FakeListChatModel({ responses: ["Final answer: 42"] });
    const runs: { name: string; id: string; parent?: string }[] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleChainStart(chain, _inputs, id, parent, _tags, _metadata, _type, name) {
        runs.push({ name: name ?? chain.id.at(-1) ?? "", id, ...(parent ? { parent } : {}) });
      },
      handleChatModelStart(_llm, _messages, id, parent) {
        runs.push({ name: "chat model", id, ...(parent ? { parent } : {}) });
      },
    });
    const deliberate = new DeliberateRunnable({
      model: createLangChainModel(chat, { sendStop: false }),
      ...settings,
    });
    await deliberate.invoke("What is 6 times 7?", { callbacks: [handler] });
    const own = runs.find((run) => run.name === "DeliberateRunnable");
    const inner = runs.filter((run) => run.name === "chat model");
    expect(inner.length).toBeGreaterThan(0);
    expect(inner.every((run) => run.parent === own?.id)).toBe(true);
  });

  it("batches several questions", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(), ...settings, output: "answer" });
    const answers = await deliberate.batch(["6 × 7?", "7 × 6?", "42 × 1?"], { maxConcurrency: 2 });
    expect(answers).toEqual(["42", "42", "42"]);
  });

  it("takes per-call think options over its own", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(), ...settings });
    const result = await deliberate.invoke("What is 6 times 7?", {
      think: { budget: { calls: 0 } },
    });
    expect(result.stopReason).toBe("budget");
    expect(result.answer).toBeUndefined();
  });

  it("cancels the search and rejects when the config's signal aborts", async () => {
    const model = solver(200);
    const deliberate = new DeliberateRunnable({ model, ...settings });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(
      deliberate.invoke("What is 6 times 7?", { signal: controller.signal }),
    ).rejects.toThrow();
    const calls = model.calls;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(model.calls).toBe(calls);
  });

  it("rejects once LangChain's timeout passes", async () => {
    const deliberate = new DeliberateRunnable({ model: solver(500), ...settings });
    await expect(deliberate.invoke("What is 6 times 7?", { timeout: 50 })).rejects.toThrow(
      /abort/i,
    );
  });

  it("throws NO_ANSWER with output: answer when the search finds none", async () => {
    const silent = createScriptedModel({ rules: [], fallback: "thinking" });
    const deliberate = new DeliberateRunnable({
      model: silent,
      ...settings,
      output: "answer",
      budget: { calls: 2 },
    });
    await expect(deliberate.invoke("What is 6 times 7?")).rejects.toMatchObject({
      code: "NO_ANSWER",
    });
  });

  it("rejects wrong options when it is made, and input it cannot read", async () => {
    const model = solver();
    expect(() => new DeliberateRunnable({ model, strategy: "zigzag" as "beam" })).toThrow(
      /Invalid option `strategy`/,
    );
    expect(() => new DeliberateRunnable({ model, output: "tree" as "answer" })).toThrow(
      'Invalid option `output`: expected "result" or "answer", got "tree"',
    );
    await expect(
      new DeliberateRunnable({ model }).invoke(42 as unknown as string),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
