/**
 * Thinking inside an HTTP endpoint: `GET /think?q=<question>&time=<think time>` searches within
 * the time the caller asked for (capped), and stops the search the moment the client hangs up.
 *
 * Run: npx tsx --conditions=@deliberate/source examples/http-endpoint.ts
 * then: curl 'http://127.0.0.1:8080/think?q=What+is+17*24&time=3s'
 * Model: a seeded random model that takes 50 ms a call (no download, no network); set
 * DELIBERATE_MODEL to a GGUF path, an hf: URI or synthetic:tiny to use a local model. PORT picks
 * the port (0 for any free one).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isDeliberateError, type Model, think } from "@deliberate/core";
import { parseDuration } from "@deliberate/core/options";
import { createRandomModel } from "@deliberate/core/testing";

const DEFAULT_THINK_MS = 5_000;
const MAX_THINK_MS = 60_000;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(`${JSON.stringify(body)}\n`);
}

/** The think time a request asks for, capped so one caller cannot hold the model for long. */
function readThinkTime(url: URL): number {
  const asked = url.searchParams.get("time");
  const ms = asked === null ? DEFAULT_THINK_MS : parseDuration(asked, "time");
  return Math.min(ms, MAX_THINK_MS);
}

async function handleThink(model: Model, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://localhost");
  const question = url.searchParams.get("q") ?? "";
  // A client that goes away before the answer is written cancels the search, so no model time
  // is spent on an answer nobody will read.
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  const result = await think(question, {
    model,
    budget: { time: readThinkTime(url) },
    signal: controller.signal,
  });
  if (controller.signal.aborted) {
    console.log(`cancelled after ${Math.round(result.usage.elapsedMs)} ms: the client went away`);
    return;
  }
  sendJson(response, 200, {
    answer: result.answer ?? null,
    stopReason: result.stopReason,
    elapsedMs: Math.round(result.usage.elapsedMs),
    nodes: result.usage.nodes,
    tokens: result.usage.promptTokens + result.usage.generatedTokens,
  });
}

/** Creates the server; `think` reports bad input (an empty question, a bad time) as a 400. */
// Only bad input is the caller's fault: any other error of ours (a model that failed to load, …)
// is the server's, a 500.
export function createThinkServer(model: Model) {
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" || path !== "/think") {
      sendJson(response, 404, { error: "Expected GET /think?q=<question>&time=<duration>" });
      return;
    }
    handleThink(model, request, response).catch((error: unknown) => {
      const known = isDeliberateError(error, "INVALID_OPTION", "INVALID_TASK");
      sendJson(response, known ? 400 : 500, { error: known ? error.message : "internal error" });
      if (!known) console.error(error);
    });
  });
}

async function main(): Promise<void> {
  const path = process.env.DELIBERATE_MODEL;
  // Imported only when asked for: loading llama.cpp is the slow part of starting up.
  const local = path
    ? await (await import("@deliberate/llama")).loadModel({ model: path })
    : undefined;
  const model = local ?? createRandomModel({ latencyMs: 50, answerRate: 0.05 });
  const server = createThinkServer(model);
  server.listen(Number(process.env.PORT ?? 8080), "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    console.log(`listening on http://127.0.0.1:${port}/think?q=...&time=3s`);
  });
  const stop = () => server.close(() => void local?.dispose());
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
