import type { IncomingMessage, ServerResponse } from "node:http";
import { buildContentSecurityPolicy, renderPage } from "../html/render-page.js";
import { flattenText } from "../text/flatten-text.js";
import { refuse, SECURITY_HEADERS } from "./http-response.js";
import type { LiveLog } from "./live-log.js";
import { isAllowedHostHeader, isAllowedOrigin } from "./loopback.js";
import { readResumePoint, SSE_HEADERS, writeMessage } from "./sse.js";

/** What the live server's routes read: the log, the open streams, and the server's state. */
export interface LiveRoutes {
  readonly log: LiveLog;
  readonly clients: Set<ServerResponse>;
  readonly expandDepth: number;
  allowed(): ReadonlySet<string>;
  isClosed(): boolean;
}

/**
 * Answers one request. The Host and Origin checks come before anything else, so a rebinding
 * page learns nothing, not even which paths exist.
 */
export function routeRequest(
  routes: LiveRoutes,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const allowed = routes.allowed();
  if (
    !isAllowedHostHeader(request.headers.host, allowed) ||
    !isAllowedOrigin(request.headers.origin, allowed)
  ) {
    refuse(response, 403, "Forbidden: this viewer only answers to its loopback address.");
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    refuse(response, 405, "Method not allowed.");
    return;
  }
  const url = new URL(request.url ?? "/", "http://localhost");
  const head = request.method === "HEAD";
  if (url.pathname === "/") servePage(routes, response, head);
  else if (url.pathname === "/tree.json") serveTree(routes, response, head);
  else if (url.pathname === "/events" && !head) serveEvents(routes, request, response, url);
  else refuse(response, 404, "Not found.");
}

/** The viewer with the tree so far and the message index to resume the stream from. */
function servePage(routes: LiveRoutes, response: ServerResponse, head: boolean): void {
  const tree = routes.log.snapshot();
  const page = renderPage(
    {
      tree,
      expandDepth: routes.expandDepth,
      live: { url: "/events", from: routes.log.messages.length },
    },
    `deliberate · live · ${flattenText(tree.question, 80)}`,
  );
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": `${buildContentSecurityPolicy(true)}; frame-ancestors 'none'`,
  });
  response.end(head ? undefined : page);
}

function serveTree(routes: LiveRoutes, response: ServerResponse, head: boolean): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    "Content-Type": "application/json; charset=utf-8",
  });
  response.end(head ? undefined : JSON.stringify(routes.log.snapshot()));
}

/** Replays the messages the client lacks, then keeps the stream open for new ones. */
function serveEvents(
  routes: LiveRoutes,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): void {
  const { log, clients } = routes;
  const lastEventId = request.headers["last-event-id"];
  const from = readResumePoint(
    typeof lastEventId === "string" ? lastEventId : undefined,
    url,
    log.messages.length,
  );
  response.writeHead(200, { ...SECURITY_HEADERS, ...SSE_HEADERS });
  response.write("retry: 1000\n\n");
  for (let i = from; i < log.messages.length; i++)
    writeMessage(response, i + 1, log.messages[i] as string);
  if (routes.isClosed()) {
    response.end("event: end\ndata: {}\n\n");
    return;
  }
  clients.add(response);
  request.on("close", () => clients.delete(response));
}
