import { createUsageError } from "../cli-error.js";

/** The prefix of a `--model` that names a model on an OpenAI-compatible server. */
export const OPENAI_PREFIX = "openai:";

/** Where an `openai:` model is served: the client's base URL and the model's name there. */
export interface OpenAISpec {
  /** `http(s)://host[:port]/…`, what the OpenAI client takes as `baseURL` (no trailing slash). */
  readonly baseURL: string;
  /** The model's name on that server, as `GET /v1/models` lists it (may hold slashes). */
  readonly model: string;
}

/** Whether `--model` names a model on an OpenAI-compatible server rather than a GGUF. */
export function isOpenAISpec(spec: string): boolean {
  return spec.startsWith(OPENAI_PREFIX);
}

const EXAMPLE = "openai:http://127.0.0.1:8000/v1/Qwen/Qwen2.5-7B-Instruct";

/**
 * Reads `openai:<base-url>/<model>`. The base URL ends at its first `/v1` path segment when it
 * has one, so a model name with slashes (vLLM serves `Qwen/Qwen2.5-7B-Instruct`) stays whole;
 * without `/v1` the model is the last path segment. A URL that does not parse, is not http(s),
 * carries a query, a fragment or credentials (a key belongs in `OPENAI_API_KEY`, not in a command
 * line others can see), or names no model is a usage error that shows the expected form.
 *
 * @example
 * ```ts
 * parseOpenAISpec("openai:http://10.0.0.5:8000/v1/Qwen/Qwen2.5-7B-Instruct");
 * // { baseURL: "http://10.0.0.5:8000/v1", model: "Qwen/Qwen2.5-7B-Instruct" }
 * ```
 */
export function parseOpenAISpec(spec: string): OpenAISpec {
  const rest = spec.slice(OPENAI_PREFIX.length);
  const fail = (why: string) =>
    createUsageError(
      `Expected --model openai:<base-url>/<model>, such as ${EXAMPLE}, got ${JSON.stringify(spec)}: ${why}.`,
    );
  // Checked first: "127.0.0.1:8000/v1/m" would parse as a URL whose scheme is "127.0.0.1:".
  if (!/^https?:\/\//i.test(rest)) throw fail("the base URL must start with http:// or https://");
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    throw fail("the base URL does not parse");
  }
  if (url.username || url.password)
    throw fail("the URL holds credentials; pass the key in OPENAI_API_KEY instead");
  if (url.search || url.hash) throw fail("the URL holds a query or a fragment");
  const segments = url.pathname.split("/").slice(1);
  const v1 = segments.indexOf("v1");
  const cut = v1 >= 0 ? v1 + 1 : segments.length - 1;
  const model = segments.slice(cut).map(decodeURIComponent).join("/");
  if (model === "" || segments.slice(cut).some((segment) => segment === ""))
    throw fail("no model name after the base URL");
  const base = segments.slice(0, cut).join("/");
  return { baseURL: `${url.origin}${base ? `/${base}` : ""}`, model };
}
