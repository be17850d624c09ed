import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "./api-error.js";

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/**
 * Checks the `Authorization: Bearer <key>` header against the server's key in constant time:
 * both sides are hashed first, so neither the key's length nor its first differing byte shows in
 * the time taken. No key set: every request passes. Otherwise a missing or wrong key is a 401 in
 * the OpenAI error shape.
 */
export function checkApiKey(header: string | undefined, key: string | undefined): void {
  if (key === undefined) return;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? "");
  const given = match?.[1];
  // Compare even when nothing came, so a request without a key takes as long as a wrong one.
  const same = timingSafeEqual(digest(given ?? ""), digest(key));
  if (given !== undefined && same) return;
  throw new ApiError(
    401,
    "authentication_error",
    "invalid_api_key",
    given === undefined
      ? "Expected an API key in the Authorization header (Authorization: Bearer <key>), got none."
      : "Expected the server's API key in the Authorization header, got a different key.",
    null,
    { "WWW-Authenticate": "Bearer" },
  );
}
