/**
 * A LangChain chat model as deliberate's model, and deliberate as a step of a LangChain chain:
 * `createLangChainModel` turns any `BaseChatModel` into a Model; `DeliberateRunnable` pipes after a
 * prompt template, and `streamEvents` shows the search while the chain runs.
 *
 * Run: npx tsx --conditions=@deliberate/source examples/langchain-model.ts
 * Model: LangChain's own scripted fake chat model (no network). With OPENAI_BASE_URL set it uses
 * ChatOpenAI against that server instead: OpenAI itself (with OPENAI_API_KEY), or a local
 * OpenAI-compatible one such as llama.cpp's `llama-server` or vLLM (OPENAI_MODEL names the model).
 */
import type { SearchEvent } from "@deliberate/core";
import { createLangChainModel, DeliberateRunnable, SEARCH_EVENT_NAME } from "@deliberate/langchain";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { ChatOpenAI } from "@langchain/openai";

/** The chat model to think with: a real OpenAI-compatible server when one is configured. */
function createChatModel(): BaseChatModel {
  const baseURL = process.env.OPENAI_BASE_URL;
  if (baseURL) {
    return new ChatOpenAI({
      model: process.env.OPENAI_MODEL ?? "gpt-4o-mini",
      apiKey: process.env.OPENAI_API_KEY ?? "not-needed-by-local-servers",
      configuration: { baseURL },
    });
  }
  // Scripted replies, in call order: a step, the answer, then the value judgements.
  return new FakeListChatModel({
    responses: ["17 × 24 = 17 × 20 + 17 × 4 = 340 + 68.", "Final answer: 408", "sure", "sure"],
  });
}

async function main(): Promise<void> {
  const chat = createChatModel();
  // The fake answers every request with `stop` by echoing it, so stop strings stay on our side;
  // real providers take them (reasoning models refuse them: turn sendStop off there too).
  const model = createLangChainModel(chat, {
    concurrency: 4,
    sendStop: !(chat instanceof FakeListChatModel),
  });
  const deliberate = new DeliberateRunnable({
    model,
    strategy: { name: "dfs", branching: 1 },
    budget: { time: "60s", calls: 12 },
    output: "answer",
  });
  const chain = ChatPromptTemplate.fromMessages([
    ["human", "What is {a} × {b}? Work it out step by step."],
  ]).pipe(deliberate);

  const counts = new Map<string, number>();
  let chatCalls = 0;
  let answer: unknown;
  for await (const event of chain.streamEvents({ a: 17, b: 24 }, { version: "v2" })) {
    if (event.event === "on_custom_event" && event.name === SEARCH_EVENT_NAME) {
      const type = (event.data as SearchEvent).type;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    // The chat model's own runs nest under the search's run, so they show up here too.
    if (event.event === "on_chat_model_end") chatCalls += 1;
    if (event.event === "on_chain_end" && event.name === "DeliberateRunnable")
      answer = event.data.output;
  }
  console.log(`model:  ${model.id}, ${chatCalls} chat model calls`);
  console.log(`events: ${[...counts].map(([type, n]) => `${type}×${n}`).join(" ")}`);
  console.log(`answer: ${String(answer)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
