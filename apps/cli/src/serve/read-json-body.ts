import type { IncomingMessage } from "node:http";
import { ApiError, invalidRequest } from "./api-error.js";

/**
 * Reads a request body of at most `limit` bytes and parses it as JSON. A larger body is a 413 as
 * soon as it is known to be larger (from `Content-Length`, or once the bytes read pass the limit),
 * so a huge upload is never buffered; a body that is not JSON is a 400 saying where it broke; a
 * content type other than JSON is a 415 (a browser page can send a form or text/plain to a
 * loopback server without asking first, but not JSON).
 */
export async function readJsonBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new ApiError(
      415,
      "invalid_request_error",
      "unsupported_media_type",
      `Expected Content-Type: application/json, got ${type ? JSON.stringify(type.slice(0, 60)) : "none"}.`,
    );
  }
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit, `${declared} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit, "more");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidRequest(
      null,
      `Expected a JSON request body, got text that does not parse: ${(error as Error).message}.`,
      "invalid_json",
    );
  }
}

function tooLarge(limit: number, got: string): ApiError {
  return new ApiError(
    413,
    "invalid_request_error",
    "request_too_large",
    `Expected a request body of at most ${limit} bytes (--max-body), got ${got}.`,
  );
}
