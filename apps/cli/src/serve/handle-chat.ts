import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createSearch, type Result, type Search } from "@deliberate/core";
import type { LlamaModel } from "@deliberate/llama";
import type { RemoteModel } from "../model/open-remote-model.js";
import type { GuardFlags } from "../options/guard-flags.js";
import { buildGuards } from "../run/build-guards.js";
import { ApiError } from "./api-error.js";
import { buildSearchPlan } from "./build-search-input.js";
import {
  buildChunk,
  buildCompletion,
  buildUsageChunk,
  type CompletionHead,
  describeSearch,
  findContent,
  findFinishReason,
} from "./chat-response.js";
import { describeEvent } from "./describe-event.js";
import { type ChatDefaults, parseChatRequest } from "./parse-chat-request.js";
import { readJsonBody } from "./read-json-body.js";
import { findRetryAfter, type SearchSlots } from "./search-slots.js";
import { SseWriter } from "./sse-writer.js";
import type { TreeStore } from "./tree-store.js";
import { watchModelCalls } from "./watch-model-calls.js";

/** How often streamed progress goes out: lines gathered between flushes travel in one chunk. */
const FLUSH_MS = 100;

/** Longest wait for a finished search's model calls to end before its slot is freed anyway. */
const SETTLE_MS = 5_000;

/** A search in flight, as shutdown and `Retry-After` see it. */
export interface RunningSearch {
  readonly search: Search;
  /** When its think time ends (ms, `Date.now()` clock). */
  readonly deadline: number;
}

/** What the chat handler shares with the server. */
export interface ChatContext {
  /** The one model every search shares: a local GGUF, or a remote engine (`openai:`). */
  readonly model: LlamaModel | RemoteModel;
  readonly spec: string;
  readonly defaults: ChatDefaults;
  readonly guards: GuardFlags;
  readonly maxBody: number;
  readonly slots: SearchSlots;
  readonly running: Set<RunningSearch>;
  readonly trees: TreeStore;
  /** The viewer URL of a tree id, or `null` when the viewer is off. */
  readonly viewerUrl: (request: IncomingMessage, treeId: string) => string | null;
}

/** Fields the handler adds to the request's access-log record. */
export type LogFields = Record<string, unknown>;

/**
 * `POST /v1/chat/completions`: reads and checks the request (400, 404, 413, 415 before any
 * search), waits for a search slot (429 with `Retry-After` when the line is full), runs the search
 * on the shared model with the request's guards, and answers one completion or a stream. A client
 * that disconnects aborts its search, and so the model calls in flight; the handler then writes
 * nothing more. Errors thrown are `ApiError`s for the server to answer.
 */
export async function handleChat(
  request: IncomingMessage,
  response: ServerResponse,
  context: ChatContext,
  log: LogFields,
): Promise<void> {
  const body = await readJsonBody(request, context.maxBody);
  const chat = parseChatRequest(body, context.defaults);
  const plan = buildSearchPlan(chat, context.model, context.spec);
  Object.assign(log, {
    stream: chat.stream,
    think_ms: chat.thinkMs,
    strategy: chat.strategy,
    task: chat.task,
  });

  const disconnect = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) disconnect.abort(new Error("the client disconnected"));
  });
  const slot = await context.slots.acquire(disconnect.signal);
  if (slot === "full") {
    const deadlines = [...context.running].map((running) => running.deadline);
    const seconds = findRetryAfter(deadlines, Date.now());
    throw new ApiError(
      429,
      "rate_limit_error",
      "queue_full",
      `Expected room in the queue, got ${context.slots.busy} searches running and ${context.slots.queued} waiting (--parallel ${context.slots.running}, --queue ${context.slots.waiting}). Retry after ${seconds} s.`,
      null,
      { "Retry-After": String(seconds) },
    );
  }
  if (slot === "closed") {
    if (disconnect.signal.aborted) {
      log.outcome = "client_closed_while_queued";
      return;
    }
    throw new ApiError(
      503,
      "server_error",
      "shutting_down",
      "Expected a running server, got one shutting down: retry on another instance.",
    );
  }
  try {
    const watched = watchModelCalls(context.model, disconnect.signal);
    const guards = buildGuards(context.guards, context.model);
    const search = createSearch(plan.input, {
      ...plan.options,
      ...(guards ? { guards } : {}),
      model: watched.model,
      signal: disconnect.signal,
    });
    const running: RunningSearch = { search, deadline: Date.now() + chat.thinkMs };
    context.running.add(running);
    const head: CompletionHead = {
      id: `chatcmpl-${randomBytes(12).toString("hex")}`,
      created: Math.floor(Date.now() / 1000),
      model: context.defaults.model,
    };
    let result: Result;
    try {
      result = chat.stream
        ? await streamSearch(
            search,
            response,
            head,
            chat.includeUsage,
            context,
            request,
            chat.thinkMs,
            log,
          )
        : await awaitSearch(search);
    } finally {
      context.running.delete(running);
      await watched.settled(SETTLE_MS);
    }
    Object.assign(log, {
      stop_reason: result.stopReason,
      prompt_tokens: result.usage.promptTokens,
      completion_tokens: result.usage.generatedTokens,
      model_calls: watched.stats.calls,
    });
    if (disconnect.signal.aborted) {
      Object.assign(log, {
        outcome: "client_closed",
        aborted_model_calls: watched.stats.abortedCalls,
        reported_aborted_calls: watched.stats.reportedAborted,
        abort_settle_ms: watched.stats.abortSettleMs,
      });
      return;
    }
    if (!chat.stream)
      await answerWhole(result, response, head, context, request, chat.thinkMs, log);
  } finally {
    slot.release();
  }
}

function awaitSearch(search: Search): Promise<Result> {
  search.start();
  return search.result;
}

/** The error of a search that did not run to an answer or a budget: a guard, or the model. */
function findSearchError(result: Result): ApiError | undefined {
  if (result.stopReason === "blocked") {
    const blocked = result.blocked;
    return new ApiError(
      400,
      "invalid_request_error",
      "input_blocked",
      `The question was refused before any search by the ${blocked?.guard ?? "input"} guard: ${blocked?.reason ?? "flagged"}`,
      "messages",
    );
  }
  if (result.stopReason === "failed") {
    return new ApiError(
      500,
      "server_error",
      "search_failed",
      `Expected the search to run, got a failure: ${result.error ?? "unknown error"}`,
    );
  }
  return undefined;
}

async function answerWhole(
  result: Result,
  response: ServerResponse,
  head: CompletionHead,
  context: ChatContext,
  request: IncomingMessage,
  thinkMs: number,
  log: LogFields,
): Promise<void> {
  const error = findSearchError(result);
  if (error) throw error;
  const treeId = await context.trees.add(result.tree);
  log.tree_id = treeId;
  const info = describeSearch(result, {
    treeId,
    viewerUrl: context.viewerUrl(request, treeId),
    thinkMs,
  });
  const body = JSON.stringify(buildCompletion(head, result, info));
  response.writeHead(200, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

/**
 * Streams a search: progress lines as `reasoning_content` deltas, gathered for {@link FLUSH_MS}
 * so a fast search sends chunks, not one per event; then the answer as `content`, the last chunk
 * with `finish_reason` and the `deliberate` object, the usage chunk when asked, and `[DONE]`.
 */
async function streamSearch(
  search: Search,
  response: ServerResponse,
  head: CompletionHead,
  includeUsage: boolean,
  context: ChatContext,
  request: IncomingMessage,
  thinkMs: number,
  log: LogFields,
): Promise<Result> {
  const sse = new SseWriter(response);
  const nodes = search.tree().nodes;
  let lines: string[] = [];
  let first = true;
  const flush = () => {
    if (lines.length === 0 || response.destroyed) return;
    const delta = {
      ...(first ? { role: "assistant" as const } : {}),
      reasoning_content: `${lines.join("\n")}\n`,
    };
    first = false;
    lines = [];
    sse.send(buildChunk(head, delta));
  };
  const unsubscribe = search.subscribe((event) => {
    const line = describeEvent(event, nodes);
    if (line !== undefined) lines.push(line);
  });
  const timer = setInterval(flush, FLUSH_MS);
  let result: Result;
  try {
    search.start();
    result = await search.result;
  } finally {
    clearInterval(timer);
    unsubscribe();
  }
  if (response.destroyed) return result;
  const error = findSearchError(result);
  if (error && !sse.headersSent) throw error;
  flush();
  if (error) {
    sse.send(error.toBody());
    sse.done();
    return result;
  }
  const treeId = await context.trees.add(result.tree);
  log.tree_id = treeId;
  const info = describeSearch(result, {
    treeId,
    viewerUrl: context.viewerUrl(request, treeId),
    thinkMs,
  });
  sse.send(
    buildChunk(head, {
      ...(first ? { role: "assistant" as const } : {}),
      content: findContent(result),
    }),
  );
  sse.send(buildChunk(head, {}, findFinishReason(result), { deliberate: info }));
  if (includeUsage) sse.send(buildUsageChunk(head, result));
  sse.done();
  return result;
}
