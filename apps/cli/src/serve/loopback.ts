import { isIP } from "node:net";

/** Whether `host` is a loopback address or name: 127.0.0.0/8, `::1`, `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::ffff:127.0.0.1" || /^::ffff:127\./.test(bare);
}

/**
 * Whether a request's `Host` header names a loopback host. A keyless server on the loopback only
 * answers such requests: a web page that rebinds its own domain to 127.0.0.1 (DNS rebinding) sends
 * its domain as the Host, and is refused.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (!header) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(header.trim());
  return match?.[1] !== undefined && isLoopbackHost(match[1]);
}
