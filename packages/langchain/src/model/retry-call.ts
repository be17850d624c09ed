/** How {@link createLangChainModel} retries a provider call the server refused for now. */
export interface RetryOptions {
  /** Retries after the first attempt; `0` turns retrying off. @default 2 */
  readonly retries?: number;
  /** Wait before the first retry, doubled before each next one (with jitter). @default 250 */
  readonly minDelayMs?: number;
  /** Longest wait, also the cap on a server's `Retry-After`. @default 8000 */
  readonly maxDelayMs?: number;
}

type Loose = Record<string, unknown>;

const asRecord = (value: unknown): Loose | undefined =>
  typeof value === "object" && value !== null ? (value as Loose) : undefined;

/** The HTTP status of a provider error: OpenAI's SDK puts it on the error, LangChain keeps it there. */
export function readStatus(error: unknown): number | undefined {
  const record = asRecord(error);
  const status = record?.status ?? asRecord(record?.response)?.status;
  return typeof status === "number" ? status : undefined;
}

/** A header of a provider error's response, from a `Headers` object or a plain record. */
function readHeader(error: unknown, name: string): string | undefined {
  const record = asRecord(error);
  const headers = record?.headers ?? asRecord(record?.response)?.headers;
  if (headers && typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? undefined;
  }
  const value = asRecord(headers)?.[name];
  return typeof value === "string" ? value : undefined;
}

/**
 * How long the server asked the client to wait, in ms: `retry-after-ms` (OpenAI's), else
 * `Retry-After` as seconds or as an HTTP date. `undefined` when it did not say.
 */
export function readRetryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const ms = Number(readHeader(error, "retry-after-ms"));
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = readHeader(error, "retry-after");
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether a retry may help: too many requests (429), a timeout (408), a conflict (409) or a
 * server error (5xx). A bad request or a refused key fails the same way every time.
 */
export function isRetryable(error: unknown): boolean {
  const status = readStatus(error);
  return (
    status !== undefined && (status === 408 || status === 409 || status === 429 || status >= 500)
  );
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts, so a deadline never waits out a backoff. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const done = () => {
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", stop, { once: true });
  });
}

/**
 * Runs `attempt` and retries it on a retryable error (429, 408, 409, 5xx) up to `retries` times.
 * Each wait is the server's `Retry-After` when it gave one, else an exponential backoff from
 * `minDelayMs`, jittered (so many searches refused at once do not come back at once),
 * capped by `maxDelayMs`. Waits end when `signal` aborts: the search's deadline wins over a retry.
 */
export async function retryCall<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  signal: AbortSignal | undefined,
  random: () => number = Math.random,
): Promise<T> {
  const retries = options.retries ?? 2;
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 8000;
  for (let tried = 0; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= retries || signal?.aborted || !isRetryable(error)) throw error;
      const asked = readRetryAfterMs(error);
      const backoff = minDelay * 2 ** tried;
      const wait = asked ?? minDelay + random() * (backoff - minDelay);
      await sleep(Math.min(wait, maxDelay), signal);
    }
  }
}
