import { createServer } from "node:http";

/**
 * A stand-in npm registry on 127.0.0.1 that knows no package: every request gets the 404 the real
 * registry gives for the unpublished @deliberate scope today. npm asks a registry about a scoped
 * dependency even when a tarball given on the command line satisfies it; pointed here, it can
 * never fetch @deliberate code from a registry (if the scope is ever claimed by someone else), and
 * the check needs no retries against an unreachable address.
 */
export async function startEmptyRegistry() {
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(decodeURIComponent(request.url ?? ""));
    response.writeHead(404, { "content-type": "application/json" });
    response.end('{"error":"Not found"}');
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
