import { isIP } from "node:net";
import { VizError } from "../errors.js";

/**
 * Whether `host` is a loopback address (127.0.0.0/8, `::1`) or `localhost`, the only addresses
 * the live viewer may listen on: the page shows model text and the search as it runs, which is
 * no one else's business on the network.
 */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase();
  if (name === "localhost" || name === "::1") return true;
  return isIP(name) === 4 && name.startsWith("127.");
}

/** Throws `INVALID_OPTION` unless `host` is a loopback address. */
export function assertLoopbackHost(host: string): void {
  if (!isLoopbackHost(host)) {
    throw new VizError(
      "INVALID_OPTION",
      `Expected \`host\` to be a loopback address (127.0.0.1, ::1 or localhost), got ${JSON.stringify(host)}. The live viewer never listens on the network.`,
    );
  }
}

/** `host:port` as it appears in a URL, with IPv6 addresses bracketed. */
export function formatAuthority(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

/**
 * The Host header values accepted by a server on `port`: loopback names with that exact port.
 * Any other name means the request came through a name the attacker controls that now resolves
 * to 127.0.0.1 (DNS rebinding), so it is refused.
 */
export function listAllowedAuthorities(host: string, port: number): Set<string> {
  return new Set([
    formatAuthority(host.toLowerCase(), port),
    `127.0.0.1:${port}`,
    `localhost:${port}`,
    `[::1]:${port}`,
  ]);
}

/**
 * Whether a request's Host header names this server by a loopback authority.
 *
 * @example
 * ```ts
 * isAllowedHostHeader("127.0.0.1:4312", allowed); // true
 * isAllowedHostHeader("evil.example:4312", allowed); // false
 * ```
 */
export function isAllowedHostHeader(
  header: string | undefined,
  allowed: ReadonlySet<string>,
): boolean {
  return header !== undefined && allowed.has(header.toLowerCase());
}

/**
 * Whether a request's Origin, when the browser sent one, is this server's own. Cross-origin
 * pages get no CORS headers either, so this is a second lock, not the only one.
 */
export function isAllowedOrigin(origin: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin === undefined) return true;
  const match = /^http:\/\/([^/]+)$/i.exec(origin);
  return match !== null && allowed.has((match[1] as string).toLowerCase());
}
