import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { SearchEvent, SearchTree, TreeNode } from "@deliberate/core";
import { VizError } from "../errors.js";
import { createLiveLog } from "./live-log.js";
import { assertLoopbackHost, formatAuthority, listAllowedAuthorities } from "./loopback.js";
import { routeRequest } from "./route-request.js";
import { writeMessage } from "./sse.js";

/** Options of {@link startLiveServer}. */
export interface LiveServerOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number;
  /**
   * Loopback address to listen on: any 127.x.x.x, `::1` or `localhost`. Anything else throws.
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * The tree so far (question, strategy, nodes and events already known), if the search started.
   * @default undefined
   */
  tree?: SearchTree;
  /**
   * How many levels the page opens expanded.
   * @default 2
   */
  expandDepth?: number;
  /**
   * Milliseconds between keep-alive comments on idle event streams.
   * @default 15000
   */
  heartbeatMs?: number;
}

/** A running live viewer. */
export interface LiveServer {
  /** The page's address, e.g. `http://127.0.0.1:43121/`. */
  readonly url: string;
  readonly port: number;
  /**
   * Sends one event of the search to every open page. Pass the node it concerns (for `created`,
   * the new node with its text) so pages show its latest state; without it, the server applies
   * the event to its own copy. Events at or below the last `seq` seen are ignored; after
   * `close()`, pushing does nothing.
   */
  push(event: SearchEvent, node?: TreeNode): void;
  /** Sends whatever the tree holds that pages have not seen: new events, nodes, the best path. */
  update(tree: SearchTree): void;
  /** The tree as the server knows it now. */
  snapshot(): SearchTree;
  /** Ends every event stream (pages show "finished"), stops listening, and frees the port. */
  close(): Promise<void>;
}

/**
 * Serves the viewer on a loopback address and streams the search to it over Server-Sent Events.
 * A page opened mid-search shows the tree so far and follows from there. Requests whose Host
 * header is not this server's loopback address and port are refused (DNS rebinding), there are
 * no CORS headers, and the page runs under a hash-based Content-Security-Policy.
 *
 * @example
 * ```ts
 * const search = createSearch(question, { model });
 * const live = await startLiveServer({ tree: search.tree() });
 * console.error(`Watch the search at ${live.url}`);
 * const nodes = search.tree().nodes; // the recorder's live array
 * search.subscribe((event) => live.push(event, "id" in event ? nodes[event.id] : undefined));
 * search.start();
 * live.update((await search.result).tree);
 * await live.close();
 * ```
 */
export async function startLiveServer(options: LiveServerOptions = {}): Promise<LiveServer> {
  const { port = 0, host = "127.0.0.1", expandDepth = 2, heartbeatMs = 15_000 } = options;
  assertLoopbackHost(host);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new VizError(
      "INVALID_OPTION",
      `Expected \`port\` to be an integer from 0 to 65535, got ${String(port)}.`,
    );
  }
  const log = createLiveLog(options.tree);
  const clients = new Set<ServerResponse>();
  let allowed = new Set<string>();
  let closed = false;

  const broadcast = (lines: readonly string[]) => {
    const end = log.messages.length;
    lines.forEach((line, i) => {
      for (const client of clients) writeMessage(client, end - lines.length + i + 1, line);
    });
  };

  const routes = {
    log,
    clients,
    expandDepth,
    allowed: () => allowed,
    isClosed: () => closed,
  };
  const server = createServer((request, response) => routeRequest(routes, request, response));

  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(": keep-alive\n\n");
  }, heartbeatMs);
  heartbeat.unref();

  await listen(server, port, host).catch((error: unknown) => {
    clearInterval(heartbeat);
    throw new VizError(
      "LISTEN_FAILED",
      `Could not listen on ${formatAuthority(host, port)}: ${describeError(error)}.`,
      {
        cause: error,
      },
    );
  });
  const bound = (server.address() as AddressInfo).port;
  allowed = listAllowedAuthorities(host, bound);

  return {
    url: `http://${formatAuthority(host, bound)}/`,
    port: bound,
    push(event, node) {
      if (!closed) broadcast(log.record(event, node));
    },
    update(tree) {
      if (!closed) broadcast(log.sync(tree));
    },
    snapshot: () => log.snapshot(),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const client of clients) client.end("event: end\ndata: {}\n\n");
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
