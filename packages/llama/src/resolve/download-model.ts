import { access, open, rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { type ModelDownloadEndpoints, resolveModelFile } from "node-llama-cpp";
import { LlamaError } from "../errors.js";

/** Progress of a download, in bytes. */
export interface DownloadProgress {
  readonly downloadedBytes: number;
  readonly totalBytes: number;
}

/** Options of {@link downloadModel}. */
export interface DownloadModelOptions {
  /** Folder the file is looked up in and downloaded to. */
  readonly modelsDir: string;
  /** Called as bytes arrive. @default none */
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Cancels the download; the partial file is removed. @default none */
  readonly signal?: AbortSignal;
  /** Other Hugging Face endpoint (a mirror, or a local server in tests). @default huggingface.co */
  readonly endpoints?: ModelDownloadEndpoints;
  /** How long the reachability probe of an http(s) URL may take. @default 15000 */
  readonly probeTimeoutMs?: number;
}

/** Error codes of a machine that cannot reach the host at all. */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ETIMEDOUT",
  "ECONNRESET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/**
 * Downloads an `hf:` URI or an http(s) URL into `modelsDir` through node-llama-cpp's own
 * resolver, or returns the file already there (no network needed then).
 */
export async function downloadModel(uri: string, options: DownloadModelOptions): Promise<string> {
  const { onProgress, signal, endpoints } = options;
  const isUrl = /^https?:\/\//i.test(uri);
  const cached = await findCachedCopy(uri, isUrl, options);
  if (cached !== undefined && !isUrl) return keepIfGguf(uri, cached);
  // node-llama-cpp's downloader retries a refused connection for minutes: probe the host first
  // so an offline machine gets its answer at once (and a cached copy if there is one).
  const host = isUrl ? uri : (endpoints?.huggingFace ?? "https://huggingface.co/");
  const unreachable = await probeUrl(host, options.probeTimeoutMs ?? 15_000, signal);
  if (unreachable !== undefined) {
    if (cached !== undefined) return keepIfGguf(uri, cached);
    throw describeDownloadError(uri, unreachable, signal);
  }
  let path: string;
  try {
    path = await resolveModelFile(uri, {
      directory: options.modelsDir,
      cli: false,
      ...(onProgress === undefined
        ? {}
        : {
            onProgress: ({ downloadedSize, totalSize }) =>
              onProgress({ downloadedBytes: downloadedSize, totalBytes: totalSize }),
          }),
      ...(signal === undefined ? {} : { signal }),
      ...(endpoints === undefined ? {} : { endpoints }),
    });
  } catch (error) {
    throw describeDownloadError(uri, error, signal);
  }
  // A cancelled download resolves rather than rejects, with the partial file already removed.
  if (signal?.aborted === true) throw describeDownloadError(uri, signal.reason, signal);
  return keepIfGguf(uri, path);
}

/**
 * Removes a downloaded file that is not GGUF (an error page, a wrong link): left in the cache,
 * it would be found again on every later run and never downloaded afresh.
 */
async function keepIfGguf(uri: string, path: string): Promise<string> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(4);
  const { bytesRead } = await handle.read(head, 0, 4, 0).finally(() => handle.close());
  const magic = head.subarray(0, bytesRead).toString("latin1");
  if (magic === "GGUF") return path;
  await rm(path, { force: true });
  throw new LlamaError(
    "NOT_GGUF",
    `Expected ${uri} to be a GGUF file, got one starting with ${JSON.stringify(magic)}; it was removed from the cache. Check the URI, or pass a local file with --model <file>.`,
  );
}

/** The file a previous download of `uri` left in the models folder, if any. */
async function findCachedCopy(
  uri: string,
  isUrl: boolean,
  options: DownloadModelOptions,
): Promise<string | undefined> {
  if (isUrl) {
    const path = join(options.modelsDir, basename(new URL(uri).pathname));
    return (await access(path).then(
      () => true,
      () => false,
    ))
      ? path
      : undefined;
  }
  return resolveModelFile(uri, {
    directory: options.modelsDir,
    download: false,
    cli: false,
    ...(options.endpoints === undefined ? {} : { endpoints: options.endpoints }),
  }).catch(() => undefined);
}

/** Returns the error of a HEAD request that reached no server, or undefined if one answered. */
async function probeUrl(url: string, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    await fetch(url, {
      method: "HEAD",
      redirect: "manual",
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
    });
    return undefined;
  } catch (error) {
    return timeout.aborted && signal?.aborted !== true
      ? Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" })
      : error;
  }
}

/** Turns whatever the downloader threw into a {@link LlamaError} that says what to do instead. */
export function describeDownloadError(
  uri: string,
  error: unknown,
  signal?: AbortSignal,
): LlamaError {
  if (signal?.aborted === true) {
    return new LlamaError("ABORTED", `Download of ${uri} was aborted.`, { cause: error });
  }
  const instead =
    "Pass a local file with --model <file>, or use synthetic:tiny, which needs no network.";
  const code = findErrorCode(error);
  if (code !== undefined && UNREACHABLE.has(code)) {
    return new LlamaError(
      "OFFLINE",
      `Expected to download ${uri}, got no connection to its host (${code}): this machine looks offline. ${instead}`,
      { cause: error },
    );
  }
  const reason = describeCauses(error);
  return new LlamaError(
    "DOWNLOAD_FAILED",
    `Expected to download ${uri}, got an error: ${reason}. ${instead}`,
    { cause: error },
  );
}

/** Joins the messages of an error's cause chain: `fetch failed: bad port`. */
function describeCauses(error: unknown): string {
  const messages: string[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && messages.length < 4) {
    const message = current instanceof Error ? current.message : String(current);
    if (!messages.some((seen) => seen.includes(message))) messages.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(": ");
}

/** Finds a system error code (`ECONNREFUSED`, ...) anywhere in an error's cause chain. */
function findErrorCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === "object" && current !== null && !seen.has(current)) {
    seen.add(current);
    const { code, errors } = current as { code?: unknown; errors?: unknown };
    if (typeof code === "string" && UNREACHABLE.has(code)) return code;
    if (Array.isArray(errors)) {
      const inner = errors.map(findErrorCode).find((found) => found !== undefined);
      if (inner !== undefined) return inner;
    }
    current = (current as { cause?: unknown }).cause;
  }
  const text = error instanceof Error ? error.message : String(error);
  return [...UNREACHABLE].find((code) => text.includes(code));
}
