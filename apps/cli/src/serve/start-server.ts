import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { renderHtml } from "@deliberate/viz";
import type { LogWriter } from "./access-log.js";
import { ApiError } from "./api-error.js";
import { checkApiKey } from "./check-api-key.js";
import { type ChatContext, handleChat, type RunningSearch } from "./handle-chat.js";
import { isLoopbackHost, isLoopbackHostHeader } from "./loopback.js";
import type { ChatDefaults } from "./parse-chat-request.js";
import { SearchSlots } from "./search-slots.js";
import { TreeStore } from "./tree-store.js";

/** Everything `deliberate serve` runs with. */
export interface ServerOptions
  extends Omit<ChatContext, "slots" | "running" | "trees" | "viewerUrl"> {
  readonly host: string;
  readonly port: number;
  readonly apiKey?: string;
  /** Searches at once on the shared model. */
  readonly parallel: number;
  /** Requests that may wait for a search slot before the server answers 429. */
  readonly queue: number;
  /** Whether `GET /trees/:id` serves the viewer and responses carry `viewer_url`. */
  readonly viewer: boolean;
  readonly keepTrees: number;
  readonly saveDir?: string;
  readonly log: LogWriter;
  /** When the server was started (seconds), the `created` of its model in `/v1/models`. */
  readonly created?: number;
}

/** A listening server. */
export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /**
   * Stops accepting, gives the searches in flight `graceMs` to finish, cancels the rest (they
   * answer with their best so far), and resolves once every response is out.
   */
  shutdown(graceMs: number): Promise<{ cancelled: number }>;
}

/** Whether the server answers the loopback only or the network. */
function describeScope(options: ServerOptions): string {
  return isLoopbackHost(options.host) ? "loopback" : "network";
}

/**
 * Refuses to listen beyond the loopback without an API key: a search spends the machine's time,
 * and a server reachable from the network without one is anyone's to spend.
 */
export function checkListenOptions(host: string, apiKey: string | undefined): string | undefined {
  if (isLoopbackHost(host) || apiKey !== undefined) return undefined;
  return `Expected an API key (--api-key or DELIBERATE_API_KEY) to listen on ${host}, got none: only a loopback address (127.0.0.1, ::1, localhost) may serve without one.`;
}

/**
 * Starts the OpenAI-compatible server on `node:http`. Routes: `POST /v1/chat/completions`,
 * `GET /v1/models` (and `/v1/models/:id`), `GET /healthz`, and `GET /trees/:id` with the viewer
 * on. With a key, every route needs it; without one (loopback only), a request whose Host is not a
 * loopback name is refused. One JSON access-log line per request.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const refusal = checkListenOptions(options.host, options.apiKey);
  if (refusal) throw new Error(refusal);
  const slots = new SearchSlots(options.parallel, options.queue);
  const running = new Set<RunningSearch>();
  const trees = new TreeStore(options.keepTrees, options.saveDir);
  const handlers = new Set<Promise<void>>();
  let stopping = false;
  let port = options.port;
  const created = options.created ?? Math.floor(Date.now() / 1000);

  const context: ChatContext = {
    ...options,
    slots,
    running,
    trees,
    viewerUrl: (request, id) => (options.viewer ? `${baseUrl(request)}/trees/${id}` : null),
  };
  const baseUrl = (request: IncomingMessage) => {
    const host = request.headers.host;
    return host && /^[A-Za-z0-9.\-:[\]]+$/.test(host)
      ? `http://${host}`
      : `http://${formatHost(options.host)}:${port}`;
  };

  const route = async (
    request: IncomingMessage,
    response: ServerResponse,
    log: Record<string, unknown>,
  ) => {
    checkApiKey(request.headers.authorization, options.apiKey);
    if (options.apiKey === undefined && !isLoopbackHostHeader(request.headers.host)) {
      throw new ApiError(
        403,
        "invalid_request_error",
        "forbidden_host",
        `Expected a loopback Host header (127.0.0.1, localhost, [::1]) on a server without an API key, got ${JSON.stringify((request.headers.host ?? "").slice(0, 80))}.`,
      );
    }
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const method = request.method ?? "GET";
    if (path === "/v1/chat/completions") {
      allow(method, ["POST"]);
      if (stopping)
        throw new ApiError(
          503,
          "server_error",
          "shutting_down",
          "Expected a running server, got one shutting down: retry on another instance.",
        );
      return handleChat(request, response, context, log);
    }
    if (path === "/healthz") {
      allow(method, ["GET", "HEAD"]);
      return sendJson(response, stopping ? 503 : 200, {
        status: stopping ? "shutting_down" : "ok",
        model: options.defaults.model,
        running: slots.busy,
        queued: slots.queued,
      });
    }
    if (path === "/v1/models") {
      allow(method, ["GET"]);
      return sendJson(response, 200, {
        object: "list",
        data: [describeModel(options.defaults, created)],
      });
    }
    const model = /^\/v1\/models\/(.+)$/.exec(path);
    if (model?.[1] !== undefined) {
      allow(method, ["GET"]);
      const id = decodePathPart(model[1]);
      if (id !== options.defaults.model) {
        throw new ApiError(
          404,
          "not_found_error",
          "model_not_found",
          `The model ${JSON.stringify(id.slice(0, 100))} does not exist here: this server serves "${options.defaults.model}".`,
          "model",
        );
      }
      return sendJson(response, 200, describeModel(options.defaults, created));
    }
    const tree = /^\/trees\/([^/]+)$/.exec(path);
    if (tree?.[1] !== undefined && options.viewer) {
      allow(method, ["GET"]);
      const found = await trees.get(tree[1]);
      if (!found)
        throw new ApiError(
          404,
          "not_found_error",
          "tree_not_found",
          `Expected the id of a tree this server keeps, got ${JSON.stringify(tree[1].slice(0, 60))}.`,
        );
      const html = renderHtml(found);
      response.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": Buffer.byteLength(html),
        "X-Content-Type-Options": "nosniff",
        // The page carries its own script-hash policy; this adds what a meta tag cannot say.
        "Content-Security-Policy": "frame-ancestors 'none'",
      });
      response.end(html);
      return;
    }
    throw new ApiError(
      404,
      "not_found_error",
      "unknown_route",
      `Expected one of POST /v1/chat/completions, GET /v1/models, GET /healthz${options.viewer ? ", GET /trees/:id" : ""}, got ${method} ${path.slice(0, 100)}.`,
    );
  };

  const server: Server = createServer((request, response) => {
    const started = performance.now();
    const log: Record<string, unknown> = {};
    const handler = route(request, response, log)
      .catch((error: unknown) => {
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(
                500,
                "server_error",
                "internal_error",
                `Expected to answer the request, got an internal error: ${(error as Error)?.message ?? String(error)}`,
              );
        log.error_code = apiError.code;
        if (!(error instanceof ApiError)) log.error = String((error as Error)?.stack ?? error);
        // A stream already under way cannot change its status: end it so the client is not left waiting.
        if (response.headersSent || response.destroyed) {
          if (!response.writableEnded) response.destroy();
          return;
        }
        // A request refused before its body was read: the body is left unread, so close the connection.
        if (!request.complete) response.setHeader("Connection", "close");
        sendJson(response, apiError.status, apiError.toBody(), apiError.headers);
      })
      .finally(() => {
        handlers.delete(handler);
        options.log({
          msg: "request",
          method: request.method,
          path: (request.url ?? "").split("?")[0]?.slice(0, 200),
          status: response.destroyed && !response.writableFinished ? 499 : response.statusCode,
          ms: Math.round(performance.now() - started),
          remote: request.socket.remoteAddress,
          ...log,
        });
      });
    handlers.add(handler);
  });
  // Slow or stalled uploads are cut off; a streamed answer may take as long as its think time.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://${formatHost(options.host)}:${port}`;
  options.log({
    msg: "listening",
    url,
    model: options.defaults.model,
    scope: describeScope(options),
    auth: options.apiKey !== undefined,
  });

  return {
    url,
    port,
    async shutdown(graceMs) {
      stopping = true;
      slots.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        for (const search of running) search.search.cancel();
      }, graceMs);
      const cancelled = [...running];
      await Promise.allSettled([...handlers]);
      clearTimeout(timer);
      const count = cancelled.filter((search) => search.search.status() === "cancelled").length;
      server.closeAllConnections();
      await closed;
      return { cancelled: count };
    },
  };
}

function allow(method: string, methods: readonly string[]): void {
  if (methods.includes(method)) return;
  throw new ApiError(
    405,
    "invalid_request_error",
    "method_not_allowed",
    `Expected ${methods.join(" or ")}, got ${method.slice(0, 20)}.`,
    null,
    { Allow: methods.join(", ") },
  );
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
}

function describeModel(defaults: ChatDefaults, created: number) {
  return { id: defaults.model, object: "model", created, owned_by: "deliberate" };
}

function formatHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/** A percent-encoded path segment, decoded; malformed encoding is left as it came (never a throw). */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
