import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A model server on 127.0.0.1 for download tests: never the network. */
export interface LoopbackServer {
  readonly origin: string;
  /** GET requests seen, by path. */
  readonly gets: string[];
  readonly close: () => Promise<void>;
}

/**
 * Serves `files` (path → bytes) with their length; `/missing/*` answers 404, `/slow/*` sends
 * the headers and a first chunk of `/models/small.gguf`, then stalls until the client gives up.
 */
export async function startLoopbackServer(files: Record<string, Buffer>): Promise<LoopbackServer> {
  const gets: string[] = [];
  const stalled = new Set<import("node:http").ServerResponse>();
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    if (request.method === "GET") gets.push(path);
    const slow = path.startsWith("/slow/");
    const body = files[slow ? path.replace("/slow/", "/models/") : path];
    if (body === undefined) {
      response.writeHead(404).end("not found");
      return;
    }
    response.writeHead(200, {
      "content-length": body.length,
      "content-type": "application/octet-stream",
    });
    if (request.method === "HEAD") response.end();
    else if (!slow) response.end(body);
    else {
      response.write(body.subarray(0, 64));
      stalled.add(response);
    }
  });
  await listen(server);
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    gets,
    close: () => {
      for (const response of stalled) response.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port where nothing listens: connections to it are refused. */
export async function findClosedPort(): Promise<number> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
}
