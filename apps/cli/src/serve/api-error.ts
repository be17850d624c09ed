/** The `type` of an OpenAI error object: clients branch on it and on the HTTP status. */
export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error";

/**
 * An error answered in the OpenAI error shape, `{ "error": { message, type, param, code } }`,
 * with its HTTP status. The message says what was expected and what came.
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    /** Extra response headers (`Retry-After` on a 429, `WWW-Authenticate` on a 401). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The response body, as the official clients parse it. */
  toBody(): { error: { message: string; type: string; param: string | null; code: string } } {
    return {
      error: { message: this.message, type: this.type, param: this.param, code: this.code },
    };
  }
}

/** A 400 about one request field. */
export function invalidRequest(param: string | null, message: string, code = "invalid_value") {
  return new ApiError(400, "invalid_request_error", code, message, param);
}

/** Describes a JSON value in an error message, cut short: what came. */
export function describeJson(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
